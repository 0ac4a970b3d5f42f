"""Where a PDF page draws its rules and boxes, read back from its content stream with pypdf: the rectangles
(`re`) and line segments (`m` … `l`) in page coordinates, through the `cm` transformations in force. Charts,
table backgrounds, table rules and the running header's rule are all drawn so."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pypdf import PageObject
from pypdf.generic import ContentStream

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def _multiply(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF's `cm` order: the new matrix m is applied before the current one n)."""
    a, b, c, d, e, f = m
    p, q, r, s, t, u = n
    return (a * p + b * r, a * q + b * s, c * p + d * r, c * q + d * s, e * p + f * r + t, e * q + f * s + u)


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


@dataclass(frozen=True)
class Shape:
    kind: str  # "rect" or "line"
    left: float
    right: float
    bottom: float
    top: float


def shapes(page: PageObject) -> Iterator[Shape]:
    """Every rectangle and line segment the page draws, in page coordinates (points)."""
    content = ContentStream(page.get_contents(), page.pdf)
    matrix, stack = IDENTITY, []
    current: tuple[float, float] | None = None
    for operands, operator in content.operations:
        if operator == b"q":
            stack.append(matrix)
        elif operator == b"Q":
            matrix = stack.pop() if stack else IDENTITY
        elif operator == b"cm":
            matrix = _multiply(tuple(float(value) for value in operands), matrix)  # type: ignore[arg-type]
        elif operator == b"re":
            x, y, width, height = (float(value) for value in operands)
            corners = [_apply(matrix, x, y), _apply(matrix, x + width, y + height)]
            xs, ys = [point[0] for point in corners], [point[1] for point in corners]
            yield Shape("rect", min(xs), max(xs), min(ys), max(ys))
        elif operator == b"m":
            current = _apply(matrix, float(operands[0]), float(operands[1]))
        elif operator == b"l" and current is not None:
            end = _apply(matrix, float(operands[0]), float(operands[1]))
            yield Shape(
                "line",
                min(current[0], end[0]),
                max(current[0], end[0]),
                min(current[1], end[1]),
                max(current[1], end[1]),
            )
            current = end


def overflowing(page: PageObject, left: float, right: float, tolerance: float = 0.6) -> list[Shape]:
    """The shapes that reach past `left` or `right` (the running header's rule ends), full-width bands of a first
    page apart; `tolerance` allows a rule's half line width."""
    page_width = float(page.mediabox.width)
    return [
        shape
        for shape in shapes(page)
        if not (shape.left <= 0.5 and shape.right >= page_width - 0.5)  # a band across the page, on purpose
        and (shape.left < left - tolerance or shape.right > right + tolerance)
    ]
