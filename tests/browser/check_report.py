#!/usr/bin/env python3
"""Looks at the HTML report in a real browser: headless Chromium.

Usage: check_report.py CIO_GAP_BINARY SOURCE_DIR WORK_DIR [SCREENSHOT_COPY]

Renders `cio-gap assess examples/me.yaml examples/jobs/ --format html` from SOURCE_DIR into
WORK_DIR, then checks that
  - the page references nothing on the network (no http(s) URL in src, href or url(), no
    script), and Chromium, with every host name unresolvable, logs no console error (a
    failed request would be one);
  - a screenshot at 1280x900 shows the chart: pixels of the status colours where the SVG is,
    over a wide region;
  - print-to-PDF gives a PDF;
  - `cio-gap trend` over two reports as HTML: no script, nothing fetched, no console error,
    and its line chart visible in a screenshot.
A probe page with a console error is rendered first, to prove the console check sees errors.
SCREENSHOT_COPY, when given, receives a copy of the screenshot (docs/report.png).
Exit status 0 when all holds, 1 when not, 77 (skipped) when Chromium or python3-pil is missing.
"""

import os
import re
import shutil
import subprocess
import sys

SKIP = 77


def skip(message):
    print(f"SKIP: {message}")
    sys.exit(SKIP)


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


def run_chromium(chromium, work_dir, url, *extra):
    """Runs headless Chromium on `url`; returns its standard error (console messages included)."""
    args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--disable-extensions", "--disable-background-networking", "--disable-component-update",
            "--disable-sync", "--no-default-browser-check", "--mute-audio",
            f"--user-data-dir={os.path.join(work_dir, 'chromium-profile')}",
            "--host-resolver-rules=MAP * ~NOTFOUND", "--enable-logging=stderr", "--v=1", *extra, url]
    result = subprocess.run(args, capture_output=True, text=True, errors="replace", timeout=120, check=False)
    return result.stderr


def console_errors(log):
    """The page's console messages that Chromium logged (as INFO:CONSOLE whatever their level).
    The report runs no script, so any message is the browser's complaint: a blocked or failed
    load (every host name is unresolvable), a policy violation, a parse error."""
    return [line.strip() for line in log.splitlines() if ":CONSOLE" in line or "Refused to" in line]


def network_references(html):
    """Every URL in src, href, srcset or CSS url() that would reach the network."""
    found = re.findall(r"""(?:src|href|srcset|action|poster|data)\s*=\s*["']?\s*((?:https?:)?//[^"'\s>]+)""", html, re.I)
    found += re.findall(r"""url\(\s*["']?((?:https?:)?//[^"')\s]+)""", html, re.I)
    found += re.findall(r"@import", html, re.I)
    return found


def chart_region(png_path):
    """The bounding box and pixel count of the chart's status colours in the screenshot."""
    from PIL import Image  # python3-pil

    image = Image.open(png_path).convert("RGB")
    width, height = image.size
    colours = {"have": (0x1B, 0x6E, 0x3A), "partial": (0xC9, 0x82, 0x00), "missing": (0xB3, 0x26, 0x1E)}
    counts = {name: 0 for name in colours}
    box = [width, height, -1, -1]
    pixels = image.load()
    for y in range(height):
        for x in range(width):
            r, g, b = pixels[x, y]
            for name, (cr, cg, cb) in colours.items():
                if abs(r - cr) + abs(g - cg) + abs(b - cb) <= 24:
                    counts[name] += 1
                    box = [min(box[0], x), min(box[1], y), max(box[2], x), max(box[3], y)]
                    break
    return (width, height), counts, box


def check_trend_page(binary, source_dir, work_dir, chromium):
    """`trend --format html` over two reports: no script, nothing fetched, no console error, and
    its line chart visible in a 1280x900 screenshot: the first qualification's line, in a
    purple nothing else on the page uses (the score line shares the headings' blue)."""
    failures = []
    reports = []
    for profile in ("mba", "me"):
        path = os.path.join(work_dir, f"trend-{profile}.json")
        result = subprocess.run([binary, "assess", f"examples/{profile}.yaml", "examples/jobs/", "--format", "json",
                                 "-q", "-o", path], cwd=source_dir, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            return [f"assess {profile} for the trend exited {result.returncode}: {result.stderr.strip()}"]
        reports.append(path)
    page = os.path.join(work_dir, "trend.html")
    result = subprocess.run([binary, "trend", *reports, "--format", "html", "-o", page], capture_output=True,
                            text=True, check=False)
    if result.returncode != 0:
        return [f"trend exited {result.returncode}: {result.stderr.strip()}"]
    with open(page, encoding="utf-8") as f:
        html = f.read()
    if "<script" in html.lower():
        failures.append("the trend page holds a script")
    for url in network_references(html):
        failures.append(f"the trend page references the network: {url}")
    png = os.path.join(work_dir, "trend.png")
    if os.path.exists(png):
        os.remove(png)
    log = run_chromium(chromium, work_dir, "file://" + page, f"--screenshot={png}", "--window-size=1280,900")
    for error in console_errors(log):
        failures.append(f"trend console: {error}")
    if not os.path.exists(png):
        return failures + ["no screenshot of the trend page was written"]
    from PIL import Image  # python3-pil

    image = Image.open(png).convert("RGB")
    pixels = image.load()
    line = [(x, y) for y in range(image.size[1]) for x in range(image.size[0])
            if sum(abs(a - b) for a, b in zip(pixels[x, y], (0x7A, 0x4F, 0x9A))) <= 40]
    xs = [x for x, _ in line]
    print(f"trend screenshot: {len(line)} pixels of the first line, x {min(xs, default=0)}-{max(xs, default=0)}")
    if len(line) < 100 or max(xs, default=0) - min(xs, default=0) < 300:
        failures.append(f"the trend chart's lines are not visible ({len(line)} pixels)")
    return failures


def main():
    if len(sys.argv) not in (4, 5):
        print(__doc__)
        return 2
    binary, source_dir, work_dir = (os.path.abspath(a) for a in sys.argv[1:4])
    copy_to = os.path.abspath(sys.argv[4]) if len(sys.argv) == 5 else None
    chromium = find_chromium()
    if not chromium:
        skip("Chromium not found (install it with: apt-get install chromium)")
    try:
        import PIL  # noqa: F401
    except ImportError:
        # Debian's python3-pil is installed for Debian's python3, which may not be the first on PATH.
        system_python = "/usr/bin/python3"
        if os.path.realpath(sys.executable) != os.path.realpath(system_python) and os.path.exists(system_python):
            os.execv(system_python, [system_python, *sys.argv])
        skip("python3-pil not found (install it with: apt-get install python3-pil)")
    os.makedirs(work_dir, exist_ok=True)
    failures = []

    # The console check must be able to fail: a page that logs an error must be caught.
    probe = os.path.join(work_dir, "probe.html")
    with open(probe, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><title>probe</title><script>console.error('cio-gap probe')</script>")
    if not any("cio-gap probe" in e for e in console_errors(run_chromium(chromium, work_dir, "file://" + probe,
                                                                         "--dump-dom"))):
        failures.append("the console check did not see the probe page's console.error")

    report = os.path.join(work_dir, "report.html")
    result = subprocess.run([binary, "assess", "examples/me.yaml", "examples/jobs/", "--format", "html", "-q",
                             "-o", report], cwd=source_dir, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        print(f"FAIL cio-gap exited {result.returncode}: {result.stderr.strip()}")
        return 1
    with open(report, encoding="utf-8") as f:
        html = f.read()
    if "<script" in html.lower():
        failures.append("the report holds a script")
    for url in network_references(html):
        failures.append(f"the report references the network: {url}")

    png = os.path.join(work_dir, "report.png")
    pdf = os.path.join(work_dir, "report.pdf")
    for path in (png, pdf):
        if os.path.exists(path):
            os.remove(path)
    log = run_chromium(chromium, work_dir, "file://" + report, f"--screenshot={png}", "--window-size=1280,900")
    log += run_chromium(chromium, work_dir, "file://" + report, f"--print-to-pdf={pdf}", "--no-pdf-header-footer")
    for error in console_errors(log):
        failures.append(f"console: {error}")

    if not os.path.exists(png):
        failures.append("no screenshot was written")
    else:
        size, counts, box = chart_region(png)
        print(f"screenshot {size[0]}x{size[1]}: chart pixels have {counts['have']}, partial {counts['partial']}, "
              f"missing {counts['missing']}, in x {box[0]}-{box[2]}, y {box[1]}-{box[3]}")
        if size != (1280, 900):
            failures.append(f"the screenshot is {size[0]}x{size[1]}, not 1280x900")
        if min(counts.values()) < 200:
            failures.append(f"a status colour is missing from the chart: {counts}")
        if box[2] - box[0] < 300 or box[3] - box[1] < 200:
            failures.append(f"the chart region is too small to be the chart: {box}")
        if copy_to:
            shutil.copyfile(png, copy_to)
            print(f"copied the screenshot to {copy_to}")

    if not os.path.exists(pdf):
        failures.append("no PDF was written")
    else:
        with open(pdf, "rb") as f:
            data = f.read()
        pages = len(re.findall(rb"/Type\s*/Page[^s]", data))
        print(f"PDF: {len(data)} bytes, {pages} pages")
        if not data.startswith(b"%PDF") or pages < 1:
            failures.append("print-to-PDF did not give a PDF with pages")

    failures += check_trend_page(binary, source_dir, work_dir, chromium)

    for failure in failures:
        print(f"FAIL {failure}")
    if not failures:
        print("ok   the HTML report and the trend page render in Chromium: no console error, nothing fetched, "
              "charts visible, PDF printed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
