"""Shift-Tab help in the "Java (ParLab)" kernel: an inspect request on a method's name shows its signature and
Javadoc, for the JDK's methods (JShell reads the JDK's lib/src.zip) and for the library's (the kernel extension
adds src/main/java to JShell's sources).

JJava (1.0a8) answers only when the cursor is on the name or right after it (`Math.max|(`): it looks one
character past the cursor, so a request with the cursor after the parenthesis finds nothing. That is JJava's
handler, which an extension cannot replace; the last case records it, so that a JJava that fixes it is noticed.
"""
from __future__ import annotations

import pytest


def inspect(kernel, code: str, cursor: int) -> dict:
    kernel.kc.inspect(code, cursor, 0)
    return kernel.kc.get_shell_msg(timeout=30)["content"]


@pytest.mark.parametrize("code, expected", [
    ("Math.max(", "Returns the greater of two"),
    ("String.valueOf(", "string representation"),
    ("Bench.task(", "configured fluently"),
    ("Plot.bar(", "Bars of column"),
])
def test_shift_tab_on_a_method_name_shows_its_javadoc(kernel, code, expected):
    kernel.run_ok("1 + 1")
    reply = inspect(kernel, code, len(code) - 1)   # the cursor right after the name
    text = reply.get("data", {}).get("text/plain", "")
    assert reply.get("status") == "ok" and reply.get("found"), reply
    assert expected in text, text


def test_after_the_parenthesis_jjava_finds_nothing(kernel):
    reply = inspect(kernel, "Math.max(", len("Math.max("))
    assert reply.get("status") == "ok"
    assert not reply.get("found"), "JJava now answers after '(': drop this case and say so in docs/kernel.md"
