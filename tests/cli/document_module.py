#!/usr/bin/env python3
"""The PDF, DOCX and ODT readers live in cio-gap-documents.so, loaded only when a run meets
such a file. Checks that the program does not link poppler, libzip or pugixml; that it reads a
PDF and a DOCX through the module beside it; and that a copy of the program without the module
still reads text postings and skips the documents with a warning that says why.

    document_module.py CIO_GAP SOURCE_DIR MODULE_DIR
                       (MODULE_DIR: where it is installed to, relative to the program's folder)
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

binary, source, module_dir = sys.argv[1], sys.argv[2], sys.argv[3]
tools = os.path.join(source, "tests", "tools")
failures = []


def check(name, got, want):
    if got != want:
        failures.append(name)
        print(f"{name}: FAILED\n  got:  {got!r}\n  want: {want!r}")
    else:
        print(f"{name}: ok")


def scan(program, jobs):
    done = subprocess.run([program, "scan", jobs, "--format", "json"], capture_output=True, text=True, timeout=60)
    sources = sorted(p["source"] for p in json.loads(done.stdout)["postings"]) if done.stdout else []
    return done.returncode, sources, done.stderr.replace(jobs + "/", "")


linked = subprocess.run(["ldd", binary], capture_output=True, text=True).stdout
check("the program links none of the document libraries",
      [name for name in ("poppler", "libzip", "pugixml") if name in linked], [])

with tempfile.TemporaryDirectory() as root:
    jobs = os.path.join(root, "jobs")
    os.mkdir(jobs)
    with open(os.path.join(jobs, "it-director.txt"), "w") as out:
        out.write("IT Director\n\nRequirements:\n- Own the IT budget\n")
    spec = os.path.join(root, "spec.json")
    with open(spec, "w") as out:
        json.dump([[[72, 72, 14, "Chief Information Officer"], [72, 100, 10, "Lead vendor management."]]], out)
    subprocess.run([sys.executable, os.path.join(tools, "make_pdf.py"), os.path.join(jobs, "cio.pdf"), "--spec", spec],
                   check=True)
    document = os.path.join(root, "document.xml")
    with open(document, "w") as out:
        out.write('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
                  "<w:p><w:r><w:t>Head of Technology</w:t></w:r></w:p>"
                  "<w:p><w:r><w:t>Lead the cloud migration.</w:t></w:r></w:p></w:body></w:document>")
    subprocess.run([sys.executable, os.path.join(tools, "make_zip.py"), os.path.join(jobs, "head.docx"),
                    "word/document.xml=" + document], check=True)

    code, sources, err = scan(binary, jobs)
    check("with the module: exit", code, 0)
    check("with the module: postings", sources, ["cio.pdf", "head.docx", "it-director.txt"])
    check("with the module: messages", err, "cio-gap: 3 postings read\n")

    alone = os.path.join(root, "alone")
    os.mkdir(alone)
    shutil.copy(binary, alone)
    program = os.path.join(alone, os.path.basename(binary))
    code, sources, err = scan(program, jobs)
    where = os.path.normpath(os.path.join(alone, module_dir))
    check("without the module: exit", code, 0)
    check("without the module: postings", sources, ["it-director.txt"])
    check("without the module: messages", err.splitlines(), [
        f"cio-gap: warning: cio.pdf: skipped: cannot read PDF files: cio-gap-documents.so is missing "
        f"(looked in {alone} and {where})",
        f"cio-gap: warning: head.docx: skipped: cannot read DOCX files: cio-gap-documents.so is missing "
        f"(looked in {alone} and {where})",
        "cio-gap: 1 postings read, 2 files skipped"])

sys.exit(1 if failures else 0)
