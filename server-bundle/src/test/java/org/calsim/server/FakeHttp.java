package org.calsim.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** Requests and responses for servlet tests without a servlet container: what the lab server's code reads and sets. */
public final class FakeHttp {
    private FakeHttp() {
    }

    /**
     * @return a request {@code method servletPath} with these headers (name, value, name, value …; the pseudo-header
     *         {@code :query} gives the query string); the path info is null
     */
    public static HttpServletRequest request(String method, String servletPath, String... headers) {
        return requestAt(method, servletPath, null, headers);
    }

    /** @return a request {@code method servletPath pathInfo} with these headers (name, value, name, value …) */
    public static HttpServletRequest requestAt(String method, String servletPath, String pathInfo, String... headers) {
        Map<String, String> h = new HashMap<>();
        for (int i = 0; i < headers.length; i += 2) {
            h.put(headers[i].toLowerCase(), headers[i + 1]);
        }
        return (HttpServletRequest) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getServletPath" -> servletPath;
                    case "getRequestURI" -> servletPath + (pathInfo == null ? "" : pathInfo);
                    case "getPathInfo" -> pathInfo;
                    case "getParameter", "getParameterValues" -> null;
                    case "getQueryString" -> h.get(":query");
                    case "getHeader" -> h.get(((String) args[0]).toLowerCase());
                    case "getLocalPort" -> 8080;
                    case "getContentLengthLong" -> h.containsKey("content-length")
                            ? Long.parseLong(h.get("content-length")) : -1L;
                    case "getProtocol" -> "HTTP/1.1";
                    case "getDateHeader" -> -1L;
                    case "toString" -> method + " " + servletPath;
                    default -> throw new UnsupportedOperationException("FakeHttp request: " + m.getName());
                });
    }

    /** A response that keeps its status, headers and body. */
    public static final class Response {
        /** The status set, 200 unless set. */
        public int status = 200;
        /** The headers set, by lower-case name. */
        public final Map<String, String> headers = new HashMap<>();
        /** The bytes written. */
        public final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private final PrintWriter writer = new PrintWriter(body, true, StandardCharsets.UTF_8);
        private final OutputStream sink;

        /** A response that keeps what is written to it. */
        public Response() {
            sink = body;
        }

        /** A response whose output stream writes to {@code sink} (the writer still keeps its text). */
        public Response(OutputStream sink) {
            this.sink = sink;
        }

        /** @return the body as text */
        public String text() {
            writer.flush();
            return body.toString(StandardCharsets.UTF_8);
        }

        /** @return this response as the servlet API sees it */
        public HttpServletResponse servlet() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) throws IOException {
                    sink.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    sink.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("FakeHttp response: asynchronous output");
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "setHeader", "addHeader" -> headers.put(((String) args[0]).toLowerCase(),
                                    (String) args[1]);
                            case "setContentType" -> headers.put("content-type", (String) args[0]);
                            case "setContentLengthLong" -> headers.put("content-length", args[0].toString());
                            case "setCharacterEncoding", "flushBuffer" -> {
                            }
                            case "getWriter" -> {
                                return writer;
                            }
                            case "getOutputStream" -> {
                                return out;
                            }
                            case "getHeader" -> {
                                return headers.get(((String) args[0]).toLowerCase());
                            }
                            case "getStatus" -> {
                                return status;
                            }
                            default -> throw new UnsupportedOperationException("FakeHttp response: " + m.getName());
                        }
                        return null;
                    });
        }
    }
}
