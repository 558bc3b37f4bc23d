#!/usr/bin/env python3
"""Writes the unrolled multiplications and squaring of Field25519.java (GF(2^255 - 19), ten signed limbs
in radix 2^25.5) to stdout; paste them between the GENERATED markers of
signing/src/main/java/org/evalledger/signing/internal/Field25519.java. Run: python3 tools/field25519/generate.py

Limb i has weight 2^ceil(25.5 i): 26 bits when i is even, 25 when odd. The product of limbs i and j
lands at limb (i + j) mod 10, doubled when both are odd (their weights' sum is one bit past the
limb's), and times 19 when i + j >= 10 (2^255 = 19 mod p)."""


def terms(k, square):
    out = []
    for i in range(10):
        for j in range(10):
            if (i + j) % 10 != k or (square and j < i):
                continue
            twice = 2 if (i % 2 == 1 and j % 2 == 1) else 1
            if square and i != j:
                twice *= 2
            wrap = 19 if i + j >= 10 else 1
            out.append((i, twice, j, wrap))
    return out


def carry(indent):
    lines = []
    for i in range(9):
        bits = 26 if i % 2 == 0 else 25
        lines.append(f"{indent}c = (h{i} + (1L << {bits - 1})) >> {bits}; h{i + 1} += c; h{i} -= c << {bits};")
    lines.append(f"{indent}c = (h9 + (1L << 24)) >> 25; h0 += c * 19; h9 -= c << 25;")
    lines.append(f"{indent}c = (h0 + (1L << 25)) >> 26; h1 += c; h0 -= c << 26;")
    lines.append(indent + " ".join(f"h[{i}] = h{i};" for i in range(10)))
    return lines


def method(signature, doc, square, g_load):
    g = "f" if square else "g"
    lines = [f"    /** {doc} */", f"    {signature} {{"]
    lines.append("        long " + ", ".join(f"f{i} = f[{i}]" for i in range(10)) + ";")
    if not square:
        lines.append("        long " + ", ".join(f"g{i} = {g_load(i)}" for i in range(10)) + ";")
    scaled, rows = set(), []
    for k in range(10):
        parts = []
        for i, twice, j, wrap in terms(k, square):
            left = f"f{i}" if twice == 1 else f"f{i}x{twice}"
            right = f"{g}{j}" if wrap == 1 else f"{g}{j}x{wrap}"
            if twice != 1:
                scaled.add(("f", i, twice))
            if wrap != 1:
                scaled.add((g, j, wrap))
            parts.append(f"{left} * {right}")
        rows.append(f"        long h{k} = " + " + ".join(parts) + ";")
    lines.append("        long " + ", ".join(f"{v}{i}x{m} = {m} * {v}{i}" for v, i, m in sorted(scaled)) + ";")
    lines += rows
    lines.append("        long c;")
    lines += carry("        ")
    lines.append("    }")
    return "\n".join(lines)


print(method("static void mul(long[] h, long[] f, long[] g)",
             "h = f g, carried; h may be f or g.", False, lambda i: f"g[{i}]"))
print()
print(method("static void mul(long[] h, long[] f, int[] t, int off)",
             "h = f g where g is the ten limbs of t from off, carried; h may be f.", False,
             lambda i: f"t[off + {i}]" if i else "t[off]"))
print()
print(method("static void square(long[] h, long[] f)", "h = f f, carried; h may be f.", True, None))
print()
print("    /** Carries h's limbs into the bounds that {@link #mul} gives. */")
print("    static void carry(long[] h) {")
print("        long " + ", ".join(f"h{i} = h[{i}]" for i in range(10)) + ", c;")
print("\n".join(carry("        ")))
print("    }")
