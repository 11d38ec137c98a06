#!/usr/bin/env python3
"""Generates Firedrill's sounds (mono 16-bit PCM WAV, 22.05 kHz) from sine
tones with soft edges, so they are ours to license (CC0). Run from assets/:
python3 make_sounds.py"""
import math
import struct
import wave

RATE = 22050


def tone(freq, seconds, volume=0.35, fade=0.015):
    n = int(RATE * seconds)
    out = []
    for i in range(n):
        t = i / RATE
        edge = min(1.0, t / fade, (seconds - t) / fade)
        decay = math.exp(-3.0 * t / seconds)
        out.append(volume * edge * decay * math.sin(2 * math.pi * freq * t))
    return out


def silence(seconds):
    return [0.0] * int(RATE * seconds)


def write(name, samples):
    with wave.open(f"sounds/{name}.wav", "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1, min(1, s)) * 32767)) for s in samples))


# A page: a clear, mid-high beep that cuts through.
write("page", tone(880, 0.35))
# An acknowledgement: a short, light blip.
write("ack", tone(1320, 0.09, volume=0.25))
# A resolution: two rising notes.
write("resolved", tone(660, 0.18) + tone(990, 0.32))
# A warning (a refusal, a breach of doctrine): two low beeps.
write("warning", tone(330, 0.14) + silence(0.06) + tone(330, 0.14))
