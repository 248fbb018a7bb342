#!/usr/bin/env python3
"""Writes zip files for the tests: DOCX and ODT documents from XML given on the command line,
and hostile ones.

    make_zip.py OUT ENTRY=FILE ...       each ENTRY holding the bytes of FILE
    make_zip.py OUT --zeros ENTRY=BYTES  only ENTRY, holding BYTES zero bytes (a multiple of
                                         1 MiB; a zip bomb: 1 GiB of zeros packs to 1 MB)
    make_zip.py OUT --lie ENTRY=FILE     ENTRY whose directory says it unpacks to 100 bytes
                                         while its data unpacks to the whole FILE
"""
import struct
import sys
import zipfile
import zlib


def deflated_zeros(size):
    """The deflate stream of `size` zero bytes (a multiple of 1 MiB) and its CRC, made from one
    compressed mebibyte repeated: a full flush makes every block the same bytes."""
    chunk = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(size >> 20):
        crc = zlib.crc32(chunk, crc)
    return block * (size >> 20) + compressor.flush(), crc


def write_zeros_zip(out, name, size):
    data, crc = deflated_zeros(size)
    encoded = name.encode()
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(data), size, len(encoded), 0)
    central = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(data), size,
                          len(encoded), 0, 0, 0, 0, 0, 0)
    with open(out, "wb") as f:
        f.write(local + encoded + data)
        directory = f.tell()
        f.write(central + encoded)
        end = f.tell()
        f.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, end - directory, directory, 0))


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = args.pop(0)
    if args[0] == "--zeros":
        name, size = args[1].split("=", 1)
        write_zeros_zip(out, name, int(size))
        return 0
    lie = None
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        while args:
            arg = args.pop(0)
            if arg == "--lie":
                name, path = args.pop(0).split("=", 1)
                with open(path, "rb") as f:
                    archive.writestr(name, f.read())
                lie = name
            else:
                name, path = arg.split("=", 1)
                with open(path, "rb") as f:
                    archive.writestr(name, f.read())
    if lie is not None:
        # Rewrite the entry's unpacked size, in its local header and in the central directory.
        with open(out, "r+b") as f:
            data = bytearray(f.read())
            with zipfile.ZipFile(out) as archive:
                info = archive.getinfo(lie)
            true_size = info.file_size.to_bytes(4, "little")
            local = info.header_offset
            assert data[local + 22 : local + 26] == true_size
            data[local + 22 : local + 26] = (100).to_bytes(4, "little")
            central = data.rfind(b"PK\x01\x02")
            assert data[central + 24 : central + 28] == true_size
            data[central + 24 : central + 28] = (100).to_bytes(4, "little")
            f.seek(0)
            f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
