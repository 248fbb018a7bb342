#!/usr/bin/env python3
"""Writes small PDFs for the tests: text at absolute positions, empty pages, an image-only
page, or a file locked with a password.

    make_pdf.py OUT.pdf --spec SPEC.json    SPEC: a list of pages, each a list of
                                            [x, y, size, "text"] (points; y from the top)
    make_pdf.py OUT.pdf --empty-pages N     N pages with nothing on them
    make_pdf.py OUT.pdf --image             one page holding only an image
    make_pdf.py OUT.pdf --spec S --locked   as --spec, locked with the user password "secret"
    make_pdf.py OUT.pdf --content-bomb MB   one page whose packed contents unpack to MB
                                            mebibytes of text operators

Helvetica, one of the PDF standard fonts, is used unembedded; text is Latin-1.
"""
import argparse
import hashlib
import json
import sys
import zlib

WIDTH, HEIGHT = 612, 792
PADDING = bytes.fromhex("28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a")


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def pdf_string(text):
    raw = text.encode("latin-1")
    return b"(" + raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def content_for(items):
    ops = []
    for x, y, size, text in items:
        ops.append(b"BT /F1 %d Tf %.2f %.2f Td %s Tj ET" % (size, x, HEIGHT - y - size * 0.8, pdf_string(text)))
    return b"\n".join(ops)


def write_pdf(path, page_contents, image=False, locked=False, shared_content=False, packed=False):
    objects = {}  # number -> bytes
    objects[1] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[3] = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    next_number = 4
    kids = []
    resources = b"<< /Font << /F1 3 0 R >> >>"
    if image:
        pixels = bytes([0x80]) * 64
        objects[next_number] = b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length %d >>\nstream\n%s\nendstream" % (len(pixels), pixels)
        resources = b"<< /XObject << /Im1 %d 0 R >> >>" % next_number
        next_number += 1
        page_contents = [b"q 200 0 0 200 100 400 cm /Im1 Do Q"]
    shared = None
    if shared_content:
        shared = next_number
        objects[shared] = b"<< /Length 0 >>\nstream\n\nendstream"
        next_number += 1
    for content in page_contents:
        if shared is None:
            if packed:
                data = zlib.compress(content, 9)
                objects[next_number] = b"<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream" % (len(data), data)
            else:
                objects[next_number] = b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content)
            content_number = next_number
            next_number += 1
        else:
            content_number = shared
        objects[next_number] = b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Resources %s /Contents %d 0 R >>" % (WIDTH, HEIGHT, resources, content_number)
        kids.append(next_number)
        next_number += 1
    objects[2] = b"<< /Type /Pages /Count %d /Kids [%s] >>" % (len(kids), b" ".join(b"%d 0 R" % k for k in kids))
    file_id = hashlib.md5(path.encode()).digest()
    trailer_extra = b""
    if locked:
        owner = hashlib.md5(("owner".encode() + PADDING)[:32]).digest()[:5]
        o_entry = rc4(owner, ("secret".encode() + PADDING)[:32])
        permissions = -4
        key = hashlib.md5(("secret".encode() + PADDING)[:32] + o_entry + permissions.to_bytes(4, "little", signed=True) + file_id).digest()[:5]
        u_entry = rc4(key, PADDING)
        objects[next_number] = b"<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P %d >>" % (o_entry.hex().encode(), u_entry.hex().encode(), permissions)
        trailer_extra = b" /Encrypt %d 0 R" % next_number
        next_number += 1
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n%s\nendobj\n" % (number, objects[number])
    xref = len(out)
    count = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % count
    for number in range(1, count):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R /ID [<%s> <%s>]%s >>\nstartxref\n%d\n%%%%EOF\n" % (count, file_id.hex().encode(), file_id.hex().encode(), trailer_extra, xref)
    with open(path, "wb") as f:
        f.write(out)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--spec")
    parser.add_argument("--empty-pages", type=int)
    parser.add_argument("--image", action="store_true")
    parser.add_argument("--locked", action="store_true")
    parser.add_argument("--content-bomb", type=int)
    args = parser.parse_args()
    if args.content_bomb:
        unit = b"BT /F1 10 Tf 72 700 Td (budget) Tj ET\n"
        write_pdf(args.out, [unit * (args.content_bomb * 1024 * 1024 // len(unit))], packed=True)
    elif args.image:
        write_pdf(args.out, [], image=True)
    elif args.empty_pages:
        write_pdf(args.out, [b""] * args.empty_pages, shared_content=True)
    elif args.spec:
        with open(args.spec, encoding="utf-8") as f:
            pages = json.load(f)
        write_pdf(args.out, [content_for(page) for page in pages], locked=args.locked)
    else:
        parser.error("give --spec, --empty-pages or --image")
    return 0


if __name__ == "__main__":
    sys.exit(main())
