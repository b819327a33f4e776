#!/usr/bin/env python3
"""Renders a terminal screen captured with `tmux capture-pane -e -p` to a PNG.

Used by scripts/screenshots. Understands the SGR codes tmux emits: reset, bold, dim,
underline, reverse, the 8/16 basic colours, 256-colour and true-colour forms. Draws with
DejaVu Sans Mono (Debian's fonts-dejavu-core); glyphs it lacks come from DejaVu Sans.

usage: ansi2png.py CAPTURE.txt OUT.png [--columns N] [--rows N] [--title TEXT]
"""
import argparse
import re

from PIL import Image, ImageDraw, ImageFont

FONT_DIR = "/usr/share/fonts/truetype/dejavu"
SIZE = 18

# A calm dark palette (black, red, green, yellow, blue, magenta, cyan, white; then bright).
PALETTE = [
    (0x1d, 0x1f, 0x21), (0xe0, 0x55, 0x55), (0x7f, 0xc2, 0x6a), (0xe5, 0xc0, 0x7b),
    (0x4f, 0x8f, 0xe6), (0xc6, 0x78, 0xdd), (0x4e, 0xc9, 0xd6), (0xd8, 0xdc, 0xe2),
    (0x5c, 0x63, 0x70), (0xff, 0x6e, 0x6e), (0x98, 0xe0, 0x7e), (0xff, 0xd8, 0x8a),
    (0x75, 0xae, 0xff), (0xdd, 0x9a, 0xf2), (0x7d, 0xe3, 0xee), (0xff, 0xff, 0xff),
]
DEFAULT_FG = (0xd0, 0xd4, 0xda)
DEFAULT_BG = (0x17, 0x19, 0x1d)
WINDOW_BG = (0x0f, 0x10, 0x13)


def colour256(n):
    if n < 16:
        return PALETTE[n]
    if n < 232:
        n -= 16
        steps = [0, 95, 135, 175, 215, 255]
        return (steps[n // 36], steps[(n // 6) % 6], steps[n % 6])
    grey = 8 + (n - 232) * 10
    return (grey, grey, grey)


class Cell:
    __slots__ = ("ch", "fg", "bg", "bold", "dim", "underline", "reverse")

    def __init__(self, ch=" ", fg=None, bg=None, bold=False, dim=False, underline=False, reverse=False):
        self.ch, self.fg, self.bg = ch, fg, bg
        self.bold, self.dim, self.underline, self.reverse = bold, dim, underline, reverse


def parse(text, columns, rows):
    """The screen as rows of cells."""
    grid = [[Cell() for _ in range(columns)] for _ in range(rows)]
    state = dict(fg=None, bg=None, bold=False, dim=False, underline=False, reverse=False)
    for y, line in enumerate(text.split("\n")[:rows]):
        x = 0
        for token in re.split(r"(\x1b\[[0-9;]*m)", line):
            if token.startswith("\x1b["):
                sgr(token[2:-1], state)
                continue
            for ch in token:
                if x < columns:
                    grid[y][x] = Cell(ch, **state)
                x += 1
        # tmux trims a line's trailing blanks even when they have a background colour (a
        # selected row, the banner): continue the last background to the right edge.
        last = grid[y][min(x, columns) - 1] if 0 < x else None
        if last is not None and (last.bg is not None or last.reverse):
            for rest in range(x, columns):
                grid[y][rest] = Cell(" ", fg=last.fg, bg=last.bg, reverse=last.reverse)
    return grid


def sgr(params, state):
    codes = [int(p) if p else 0 for p in params.split(";")] if params else [0]
    i = 0
    while i < len(codes):
        c = codes[i]
        if c == 0:
            state.update(fg=None, bg=None, bold=False, dim=False, underline=False, reverse=False)
        elif c == 1:
            state["bold"] = True
        elif c == 2:
            state["dim"] = True
        elif c == 4:
            state["underline"] = True
        elif c == 7:
            state["reverse"] = True
        elif c == 22:
            state["bold"] = state["dim"] = False
        elif c == 24:
            state["underline"] = False
        elif c == 27:
            state["reverse"] = False
        elif 30 <= c <= 37:
            state["fg"] = PALETTE[c - 30]
        elif 90 <= c <= 97:
            state["fg"] = PALETTE[c - 90 + 8]
        elif 40 <= c <= 47:
            state["bg"] = PALETTE[c - 40]
        elif 100 <= c <= 107:
            state["bg"] = PALETTE[c - 100 + 8]
        elif c == 39:
            state["fg"] = None
        elif c == 49:
            state["bg"] = None
        elif c in (38, 48) and i + 1 < len(codes):
            key = "fg" if c == 38 else "bg"
            if codes[i + 1] == 5 and i + 2 < len(codes):
                state[key] = colour256(codes[i + 2])
                i += 2
            elif codes[i + 1] == 2 and i + 4 < len(codes):
                state[key] = tuple(codes[i + 2:i + 5])
                i += 4
        i += 1


def blend(a, b, t):
    return tuple(int(a[k] * (1 - t) + b[k] * t) for k in range(3))


def render(grid, out, title):
    regular = ImageFont.truetype(f"{FONT_DIR}/DejaVuSansMono.ttf", SIZE)
    bold = ImageFont.truetype(f"{FONT_DIR}/DejaVuSansMono-Bold.ttf", SIZE)
    fallback = ImageFont.truetype(f"{FONT_DIR}/DejaVuSans.ttf", SIZE - 2)
    notdef = signature(regular, "\ue000")
    ascent, descent = regular.getmetrics()
    cw = round(regular.getlength("M"))
    ch_ = ascent + descent + 2
    rows, columns = len(grid), len(grid[0])
    pad, bar = 18, 34
    width, height = columns * cw + 2 * pad, rows * ch_ + 2 * pad + bar
    image = Image.new("RGB", (width, height), WINDOW_BG)
    draw = ImageDraw.Draw(image)
    # A window frame: title bar with three dots, then the terminal.
    draw.rounded_rectangle([0, 0, width - 1, height - 1], radius=12, fill=DEFAULT_BG, outline=(0x2a, 0x2d, 0x33))
    draw.rounded_rectangle([0, 0, width - 1, bar + 8], radius=12, fill=(0x24, 0x27, 0x2d))
    draw.rectangle([0, bar, width - 1, bar + 8], fill=DEFAULT_BG)
    for k, colour in enumerate([(0xe0, 0x55, 0x55), (0xe5, 0xc0, 0x7b), (0x7f, 0xc2, 0x6a)]):
        draw.ellipse([16 + k * 22, 11, 28 + k * 22, 23], fill=colour)
    if title:
        tw = regular.getlength(title)
        draw.text(((width - tw) / 2, 7), title, font=regular, fill=(0x9a, 0xa0, 0xa8))
    missing = {}
    for y, row in enumerate(grid):
        for x, cell in enumerate(row):
            fg = cell.fg or DEFAULT_FG
            bg = cell.bg or DEFAULT_BG
            if cell.reverse:
                fg, bg = (cell.bg or DEFAULT_BG), (cell.fg or DEFAULT_FG)
            if cell.bold and cell.fg in PALETTE[:8]:
                fg = PALETTE[PALETTE.index(cell.fg) + 8]
            if cell.dim:
                fg = blend(fg, bg, 0.45)
            left, top = pad + x * cw, bar + pad + y * ch_
            if bg != DEFAULT_BG:
                draw.rectangle([left, top, left + cw - 1, top + ch_ - 1], fill=bg)
            if cell.ch != " ":
                font = bold if cell.bold else regular
                if cell.ch not in missing:
                    missing[cell.ch] = signature(regular, cell.ch) == notdef
                if missing[cell.ch]:
                    font = fallback
                if cell.ch in "─━═":  # join line drawing across cells
                    mid = top + ch_ // 2
                    draw.line([left, mid, left + cw, mid], fill=fg, width=1)
                elif cell.ch == "│":
                    mid = left + cw // 2
                    draw.line([mid, top, mid, top + ch_], fill=fg, width=1)
                else:
                    draw.text((left, top + 1), cell.ch, font=font, fill=fg)
            if cell.underline:
                draw.line([left, top + ch_ - 2, left + cw, top + ch_ - 2], fill=fg)
    image.save(out, optimize=True)


def signature(font, ch):
    mask = font.getmask(ch)
    return (mask.size, bytes(mask))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("capture")
    parser.add_argument("out")
    parser.add_argument("--columns", type=int, default=120)
    parser.add_argument("--rows", type=int, default=32)
    parser.add_argument("--title", default="")
    args = parser.parse_args()
    with open(args.capture, encoding="utf-8") as f:
        text = f.read()
    render(parse(text, args.columns, args.rows), args.out, args.title)


if __name__ == "__main__":
    main()
