package org.calsim.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;

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
        return multipart(method, servletPath, pathInfo, List.of(), headers);
    }

    /**
     * @return a request {@code method servletPath pathInfo} with these headers (name, value, name, value …) whose
     *         {@code getParts()} gives {@code parts} ({@link #part}); its content type is the header's
     */
    public static HttpServletRequest multipart(String method, String servletPath, String pathInfo, List<Part> parts,
                                               String... headers) {
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
                    case "getContentType" -> h.get("content-type");
                    case "getParts" -> parts;
                    case "getDateHeader" -> -1L;
                    case "toString" -> method + " " + servletPath;
                    default -> throw new UnsupportedOperationException("FakeHttp request: " + m.getName());
                });
    }

    /**
     * @param name     the part's name
     * @param fileName its file name, or null for a form field
     * @param content  its bytes
     * @param deleted  counted down when {@code delete()} is called
     * @return a part of a multipart request, as a container gives it once the body is parsed
     */
    public static Part part(String name, String fileName, byte[] content, CountDownLatch deleted) {
        return (Part) Proxy.newProxyInstance(FakeHttp.class.getClassLoader(), new Class<?>[] {Part.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getName" -> name;
                    case "getSubmittedFileName" -> fileName;
                    case "getSize" -> (long) content.length;
                    case "getInputStream" -> new ByteArrayInputStream(content);
                    case "write" -> Files.write(Path.of((String) args[0]), content, StandardOpenOption.CREATE_NEW);
                    case "delete" -> {
                        deleted.countDown();
                        yield null;
                    }
                    case "toString" -> "part " + name;
                    default -> throw new UnsupportedOperationException("FakeHttp part: " + m.getName());
                });
    }

    /** @return a form field of a multipart request */
    public static Part field(String name, String text) {
        return part(name, null, text.getBytes(StandardCharsets.UTF_8), new CountDownLatch(1));
    }

    /** @return a file part of a multipart request */
    public static Part file(String name, String fileName, String content) {
        return part(name, fileName, content.getBytes(StandardCharsets.UTF_8), new CountDownLatch(1));
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
