#!/usr/bin/env python3
"""Draws Firedrill's icons, window icon and title art (the PNGs beside this
script are its output; they are committed, so building needs no Python).

    pip install pillow && python3 assets/make_icons.py

Icons are white shapes on transparent ground: the game tints them with its
theme (health icons with the colour-blind-safe palette), and each icon has a
shape of its own, so no information is carried by colour alone. Every shape
is drawn here from circles, lines and polygons, four times larger than its
file, then scaled down for smooth edges. Licence: CC0 (see CREDITS.md).
"""
import math
import os

from PIL import Image, ImageDraw, ImageFont

HERE = os.path.dirname(os.path.abspath(__file__))
FONT = os.path.join(HERE, "fonts", "DejaVuSans.ttf")
BIG = 256  # drawing canvas
SIZE = 32  # file size: twice the size drawn at UI scale 1
W = (255, 255, 255, 255)
CLEAR = (0, 0, 0, 0)


def canvas(size=BIG):
    img = Image.new("RGBA", (size, size), CLEAR)
    return img, ImageDraw.Draw(img)


def save(img, path, size=SIZE):
    full = os.path.join(HERE, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    shrink(img, (size, size)).save(full, optimize=True)


def shrink(img, size):
    """Scales down with premultiplied alpha, so edges do not darken."""
    return img.convert("RGBa").resize(size, Image.LANCZOS).convert("RGBA")


def ring(d, cx, cy, r, width, fill=W):
    d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=fill, width=width)


def disc(d, cx, cy, r, fill=W):
    d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=fill)


def star(d, cx, cy, r_out, r_in, points=5, fill=W):
    pts = []
    for i in range(points * 2):
        r = r_out if i % 2 == 0 else r_in
        a = -math.pi / 2 + i * math.pi / points
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    d.polygon(pts, fill=fill)


def glyph(d, text, cx, cy, size, fill=W):
    font = ImageFont.truetype(FONT, size)
    d.text((cx, cy), text, font=font, fill=fill, anchor="mm")


# --- roles -----------------------------------------------------------------
def role_ic():
    img, d = canvas()
    star(d, 128, 134, 118, 48)
    return img


def role_ol():  # a gear: operations
    img, d = canvas()
    for i in range(8):
        a = i * math.pi / 4
        x, y = 128 + 92 * math.cos(a), 128 + 92 * math.sin(a)
        d.line((128, 128, x, y), fill=W, width=44)
    disc(d, 128, 128, 80)
    disc(d, 128, 128, 34, CLEAR)
    return img


def role_cl():  # a megaphone: communications
    img, d = canvas()
    d.polygon([(40, 100), (150, 40), (150, 216), (40, 156)], fill=W)
    d.rectangle((16, 96, 52, 160), fill=W)
    for r in (60, 96):
        d.arc((150 - r, 128 - r, 150 + r, 128 + r), -35, 35, fill=W, width=16)
    d.line((64, 156, 84, 226), fill=W, width=26)
    return img


def role_pl():  # a clipboard: planning
    img, d = canvas()
    d.rounded_rectangle((48, 36, 208, 236), 18, outline=W, width=20)
    d.rounded_rectangle((90, 20, 166, 64), 10, fill=W)
    for y in (104, 144, 184):
        d.line((84, y, 172, y), fill=W, width=16)
    return img


def role_scribe():  # a pen
    img, d = canvas()
    d.polygon([(176, 24), (232, 80), (96, 216), (40, 160)], fill=W)
    d.polygon([(40, 160), (96, 216), (20, 236)], fill=W)
    d.line((150, 50, 206, 106), fill=CLEAR, width=10)
    return img


def role_observer():  # an eye
    img, d = canvas()
    d.chord((16, 56, 240, 256), 200, 340, fill=W)
    d.chord((16, 0, 240, 200), 20, 160, fill=W)
    disc(d, 128, 128, 44, CLEAR)
    disc(d, 128, 128, 26)
    return img


# --- message kinds ---------------------------------------------------------
def kind_chat():
    img, d = canvas()
    d.rounded_rectangle((20, 36, 236, 180), 40, fill=W)
    d.polygon([(60, 170), (110, 170), (48, 232)], fill=W)
    return img


def kind_order():  # an arrow: do this
    img, d = canvas()
    d.rectangle((24, 100, 150, 156), fill=W)
    d.polygon([(140, 44), (236, 128), (140, 212)], fill=W)
    return img


def kind_ack():  # a check mark
    img, d = canvas()
    d.line((30, 134, 96, 200, 226, 58), fill=W, width=40, joint="curve")
    return img


def kind_report():  # a page of lines
    img, d = canvas()
    d.rounded_rectangle((44, 20, 212, 236), 16, outline=W, width=20)
    for y in (76, 118, 160, 200):
        d.line((80, y, 176 if y < 200 else 140, y), fill=W, width=16)
    return img


def kind_proposal():  # a light bulb: an idea put to the room
    img, d = canvas()
    disc(d, 128, 100, 80)
    d.polygon([(84, 150), (172, 150), (156, 190), (100, 190)], fill=W)
    d.rectangle((100, 198, 156, 214), fill=W)
    d.rectangle((108, 222, 148, 236), fill=W)
    return img


def kind_decision():  # a flag planted
    img, d = canvas()
    d.line((56, 20, 56, 240), fill=W, width=22)
    d.polygon([(66, 28), (222, 70), (66, 136)], fill=W)
    return img


def kind_question():
    img, d = canvas()
    ring(d, 128, 128, 110, 20)
    glyph(d, "?", 128, 134, 170)
    return img


def kind_status_update():  # a broadcast: a dot and its waves
    img, d = canvas()
    disc(d, 128, 160, 26)
    for r in (66, 110):
        d.arc((128 - r, 160 - r, 128 + r, 160 + r), 215, 325, fill=W, width=22)
    d.line((128, 186, 128, 240), fill=W, width=18)
    return img


# --- component kinds -------------------------------------------------------
def comp_service():  # a hexagon: a running thing
    img, d = canvas()
    pts = [(128 + 112 * math.cos(math.pi / 6 + i * math.pi / 3),
            128 + 112 * math.sin(math.pi / 6 + i * math.pi / 3)) for i in range(6)]
    d.polygon(pts, outline=W, width=22)
    disc(d, 128, 128, 30)
    return img


def comp_database():  # a cylinder
    img, d = canvas()
    d.rectangle((40, 56, 216, 200), fill=W)
    d.ellipse((40, 168, 216, 232), fill=W)
    d.ellipse((40, 24, 216, 88), fill=W)
    d.arc((40, 24, 216, 88), 0, 180, fill=CLEAR, width=10)
    d.arc((40, 80, 216, 144), 0, 180, fill=CLEAR, width=10)
    d.arc((40, 124, 216, 188), 0, 180, fill=CLEAR, width=10)
    return img


def comp_storage():  # a disk drive
    img, d = canvas()
    d.rounded_rectangle((20, 64, 236, 192), 24, outline=W, width=20)
    disc(d, 188, 128, 18)
    d.line((52, 128, 140, 128), fill=W, width=16)
    return img


def comp_queue():  # items in a row
    img, d = canvas()
    for x in (24, 96, 168):
        d.rounded_rectangle((x, 84, x + 60, 172), 10, fill=W)
    return img


def comp_third_party():  # a cloud: someone else's system
    img, d = canvas()
    disc(d, 92, 148, 56)
    disc(d, 150, 112, 70)
    disc(d, 196, 160, 44)
    d.rectangle((92, 160, 196, 204), fill=W)
    return img


def comp_frontend():  # a screen
    img, d = canvas()
    d.rounded_rectangle((20, 36, 236, 180), 14, outline=W, width=20)
    d.rectangle((110, 180, 146, 214), fill=W)
    d.rectangle((70, 210, 186, 228), fill=W)
    return img


def comp_network():  # a globe
    img, d = canvas()
    ring(d, 128, 128, 108, 18)
    d.ellipse((84, 20, 172, 236), outline=W, width=16)
    d.line((20, 128, 236, 128), fill=W, width=16)
    d.line((40, 76, 216, 76), fill=W, width=12)
    d.line((40, 180, 216, 180), fill=W, width=12)
    return img


def comp_host():  # a server rack
    img, d = canvas()
    for y in (28, 100, 172):
        d.rounded_rectangle((32, y, 224, y + 56), 10, fill=W)
        disc(d, 192, y + 28, 10, CLEAR)
    return img


def comp_other():  # a plain box: a kind of the author's own
    img, d = canvas()
    d.rounded_rectangle((36, 36, 220, 220), 24, outline=W, width=22)
    return img


# --- health ----------------------------------------------------------------
def health_healthy():  # a tick in a circle
    img, d = canvas()
    disc(d, 128, 128, 118)
    d.line((68, 132, 110, 174, 190, 88), fill=CLEAR, width=30, joint="curve")
    return img


def health_degraded():  # a warning triangle
    img, d = canvas()
    d.polygon([(128, 14), (246, 226), (10, 226)], fill=W)
    d.line((128, 82, 128, 164), fill=CLEAR, width=26)
    disc(d, 128, 196, 15, CLEAR)
    return img


def health_down():  # a cross in an octagon (a stop sign)
    img, d = canvas()
    pts = [(128 + 120 * math.cos(math.pi / 8 + i * math.pi / 4),
            128 + 120 * math.sin(math.pi / 8 + i * math.pi / 4)) for i in range(8)]
    d.polygon(pts, fill=W)
    d.line((82, 82, 174, 174), fill=CLEAR, width=28)
    d.line((174, 82, 82, 174), fill=CLEAR, width=28)
    return img


# --- the window icon and the title art ---------------------------------------
FLAME = (230, 97, 0, 255)      # a flame orange, between Okabe-Ito's orange and vermillion
EMBER = (240, 228, 66, 255)     # Okabe-Ito yellow
SLATE = (27, 31, 39, 255)
BLUE = (86, 180, 233, 255)      # Okabe-Ito sky blue


def flame(d, cx, base, h, w, outer=FLAME, inner=EMBER):
    """A flame from overlapping circles and a pointed top."""
    def body(scale, fill):
        hh, ww = h * scale, w * scale
        d.ellipse((cx - ww / 2, base - hh * 0.62, cx + ww / 2, base), fill=fill)
        d.polygon([(cx - ww * 0.47, base - hh * 0.36), (cx + ww * 0.05, base - hh),
                   (cx + ww * 0.47, base - hh * 0.36)], fill=fill)
    body(1.0, outer)
    body(0.55, inner)


def window_icon():
    img, d = canvas(512)
    d.rounded_rectangle((16, 16, 496, 496), 96, fill=SLATE)
    d.rounded_rectangle((16, 16, 496, 496), 96, outline=BLUE, width=14)
    flame(d, 256, 430, 360, 250)
    return img


def title_art(letters=(236, 239, 244, 255)):
    w, h = 1840, 400
    img = Image.new("RGBA", (w, h), CLEAR)
    d = ImageDraw.Draw(img)
    flame(d, 190, 350, 320, 220)
    font = ImageFont.truetype(FONT, 210)
    d.text((360, 190), "Firedrill", font=font, fill=letters, anchor="lm")
    # Three bars under the name: command, operations, communications.
    for i, colour in enumerate((BLUE, FLAME, (0, 158, 115, 255))):
        x = 370 + i * 300
        d.rounded_rectangle((x, 330, x + 270, 352), 11, fill=colour)
    # Drawn at its pixel size on the title screen (no minification, no jaggies).
    return shrink(img, (w * 3 // 10, h * 3 // 10))


ICONS = {
    "roles": {"ic": role_ic, "ol": role_ol, "cl": role_cl, "pl": role_pl,
              "scribe": role_scribe, "observer": role_observer},
    "kinds": {"chat": kind_chat, "order": kind_order, "ack": kind_ack,
              "report": kind_report, "proposal": kind_proposal,
              "decision": kind_decision, "question": kind_question,
              "status_update": kind_status_update},
    "components": {"service": comp_service, "database": comp_database,
                   "storage": comp_storage, "queue": comp_queue,
                   "third-party": comp_third_party, "frontend": comp_frontend,
                   "network": comp_network, "host": comp_host, "other": comp_other},
    "health": {"healthy": health_healthy, "degraded": health_degraded,
               "down": health_down},
}

if __name__ == "__main__":
    for group, icons in ICONS.items():
        for name, draw in icons.items():
            save(draw(), f"icons/{group}/{name}.png")
    save(window_icon(), "icons/window.png", 256)
    title_art().save(os.path.join(HERE, "title.png"), optimize=True)
    # For the light theme: the letters in the dark theme's background colour.
    title_art(SLATE).save(os.path.join(HERE, "title-light.png"), optimize=True)
    print("icons, window icon and title art written")
