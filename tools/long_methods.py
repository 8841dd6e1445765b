#!/usr/bin/env python3
"""Lists Java methods and constructors longer than a limit, and files longer than a limit.

Usage: long_methods.py [--method-lines 80] [--file-lines 500] [ROOT ...]

Reads every src/main/java file under the roots (default: the repository). Comments, strings, text blocks and
character literals are blanked first, then braces are counted: a block is a method when the text before its
'{' (since the last ';', '{' or '}') ends in 'name(...)' with an optional 'throws' clause and is not a
control statement, a lambda, an anonymous class ('new X(...) {') or a record header. A method's length is
counted from the line of its name to the line of its closing brace, as an editor shows it.
"""
import re
import sys
from pathlib import Path

KEYWORDS = {"if", "for", "while", "switch", "catch", "synchronized", "try", "do", "else", "return", "new"}
HEADER = re.compile(r"([A-Za-z_$][\w$]*)\s*\((?:[^()]|\([^()]*\))*\)\s*(?:throws\s+[\w$.,\s<>]+)?\s*$", re.S)


def blank(text):
    """Replaces comments and literals by spaces, keeping newlines, so that braces and lines stay where they were."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
        elif text.startswith('"""', i):
            j = text.find('"""', i + 3)
            j = n if j < 0 else j + 3
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            j += 1
        else:
            out.append(c)
            i += 1
            continue
        out.append("".join(ch if ch == "\n" else " " for ch in text[i:j]))
        i = j
    return "".join(out)


def methods(text):
    """Yields (name, first line, last line) of every method and constructor body in a Java source."""
    code = blank(text)
    stack = []  # per open brace: (name or None, line of the name)
    start = 0  # where the text before the next brace begins
    for pos, c in enumerate(code):
        if c == ";":
            start = pos + 1
        elif c == "{":
            head = code[start:pos]
            m = HEADER.search(head)
            name = None
            if m and m.group(1) not in KEYWORDS and "->" not in head and not re.search(r"\bnew\s", head) \
                    and not re.search(r"\brecord\s", head):
                name = m.group(1)
            line = code.count("\n", 0, start + (m.start(1) if m else 0)) + 1
            stack.append((name, line))
            start = pos + 1
        elif c == "}":
            name, line = stack.pop() if stack else (None, 0)
            if name is not None:
                yield name, line, code.count("\n", 0, pos) + 1
            start = pos + 1


def main(argv):
    method_limit, file_limit, roots = 80, 500, []
    it = iter(argv)
    for a in it:
        if a == "--method-lines":
            method_limit = int(next(it))
        elif a == "--file-lines":
            file_limit = int(next(it))
        else:
            roots.append(Path(a))
    if not roots:
        roots = [Path(__file__).resolve().parents[1]]
    found = 0
    for root in roots:
        for f in sorted(root.rglob("*.java")):
            if "/src/main/java/" not in f.as_posix():
                continue
            text = f.read_text(encoding="utf-8")
            lines = text.count("\n") + (0 if text.endswith("\n") else 1)
            if lines > file_limit:
                print(f"{f}: file {lines} lines")
                found += 1
            for name, first, last in methods(text):
                if last - first + 1 > method_limit:
                    print(f"{f}:{first}: {name} {last - first + 1} lines")
                    found += 1
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
