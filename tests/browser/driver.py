#!/usr/bin/env python3
"""Opens an mtlint HTML report in headless Chromium and reports what the page did, as JSON.

Used by tests/html_report.rs. Standard library only: it speaks the DevTools protocol over
the pipe Chromium opens with --remote-debugging-pipe (file descriptors 3 and 4, messages
ended by a NUL byte), so no network port and no package are needed.

usage: driver.py CHROMIUM REPORT.html SCREENSHOT.png

It loads the page, reads facts from the rendered DOM (rows, highlighted spans, their codes,
what ran), hovers over and focuses a span and checks that its details show, sorts by score,
filters by code and verdict (timing each), and takes a screenshot with a span's details open.
"""
import base64
import fcntl
import json
import os
import subprocess
import sys
import tempfile
import time

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--remote-debugging-pipe", "--window-size=1280,900",
]


class Browser:
    def __init__(self, chromium):
        self.profile = tempfile.mkdtemp(prefix="mtlint-chromium-")
        to_r, self.to_w = os.pipe()
        self.from_r, from_w = os.pipe()
        # Chromium reads commands from fd 3 and writes to fd 4. The pipe ends are first
        # copied above 10, so that placing one on 3 cannot overwrite the other.
        def fds():
            r, w = fcntl.fcntl(to_r, fcntl.F_DUPFD, 10), fcntl.fcntl(from_w, fcntl.F_DUPFD, 10)
            os.dup2(r, 3)
            os.dup2(w, 4)
        self.proc = subprocess.Popen(
            [chromium, *FLAGS, "--user-data-dir=" + self.profile, "about:blank"],
            preexec_fn=fds, pass_fds=(3, 4),
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        os.close(to_r)
        os.close(from_w)
        self.buf = b""
        self.next_id = 0
        self.events = []
        self.session = None

    def _read(self):
        while b"\0" not in self.buf:
            chunk = os.read(self.from_r, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buf += chunk
        msg, self.buf = self.buf.split(b"\0", 1)
        return json.loads(msg)

    def send(self, method, params=None, session=True):
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session and self.session:
            msg["sessionId"] = self.session
        os.write(self.to_w, json.dumps(msg).encode() + b"\0")
        while True:
            m = self._read()
            if m.get("id") == self.next_id:
                if "error" in m:
                    raise RuntimeError(f"{method}: {m['error']}")
                return m.get("result", {})
            self.events.append(m)

    def wait_event(self, method, timeout=60):
        end = time.time() + timeout
        while time.time() < end:
            for i, e in enumerate(self.events):
                if e.get("method") == method:
                    return self.events.pop(i)
            self.events.append(self._read())
        raise RuntimeError(f"no {method} within {timeout} s")

    def eval(self, expr):
        r = self.send("Runtime.evaluate", {"expression": expr, "returnByValue": True,
                                            "awaitPromise": True})
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expr[:80]}…: {r['exceptionDetails']}")
        return r["result"].get("value")

    def close(self):
        try:
            self.send("Browser.close", session=False)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def main():
    chromium, report, shot = sys.argv[1:4]
    b = Browser(chromium)
    out = {}
    try:
        target = b.send("Target.createTarget", {"url": "about:blank"}, session=False)
        b.session = b.send("Target.attachToTarget",
                           {"targetId": target["targetId"], "flatten": True},
                           session=False)["sessionId"]
        b.send("Page.enable")
        b.send("Runtime.enable")
        b.send("Emulation.setDeviceMetricsOverride",
               {"width": 1280, "height": 900, "deviceScaleFactor": 1, "mobile": False})
        t0 = time.time()
        b.send("Page.navigate", {"url": "file://" + os.path.abspath(report)})
        b.wait_event("Page.loadEventFired")
        out["load_wall_ms"] = round((time.time() - t0) * 1000)
        # Navigation timing: from the start of the navigation to the end of the load event
        # (parsing, the script, styles), and the first contentful paint.
        out.update(b.eval("""(() => {
          const n = performance.getEntriesByType('navigation')[0];
          const p = performance.getEntriesByName('first-contentful-paint')[0];
          return {load_ms: Math.round(n.loadEventEnd || n.duration),
                  dom_content_loaded_ms: Math.round(n.domContentLoadedEventEnd),
                  first_paint_ms: p ? Math.round(p.startTime) : null};
        })()"""))
        out.update(b.eval(r"""(() => {
          const rows = [...document.querySelectorAll('#rows > .r')];
          const marks = [...document.querySelectorAll('#s .f')];
          return {
            title: document.title,
            pwned: document.body.hasAttribute('data-pwned'),
            scripts: [...document.scripts].filter(s => !s.type).length,
            data_blocks: [...document.scripts].filter(s => s.type === 'application/json').length,
            images: document.images.length,
            rows: rows.length,
            marks: marks.length,
            mark_codes: [...new Set(marks.flatMap(m => m.dataset.codes.split(' ')))].sort(),
            mark_texts: marks.slice(0, 400).map(m => m.firstChild ? m.firstChild.textContent : ''),
            tips_hidden: document.querySelector('#tip').hidden,
            controls_first: !!(document.querySelector('#top').compareDocumentPosition(
              document.querySelector('#s')) & Node.DOCUMENT_POSITION_FOLLOWING),
            shown_text: document.querySelector('#shown').textContent,
            doc_rows: document.querySelectorAll('#docs tbody tr').length,
            sentence_texts: rows.slice(0, 400).map(r => r.lastElementChild.textContent),
            code_options: [...document.querySelectorAll('#fc option')].map(o => o.value),
          };
        })()"""))
        # Hover: move the mouse over the first highlighted span.
        box = b.eval("""(() => { const m = document.querySelector('#s .f');
          m.scrollIntoView({block: 'center'}); const r = m.getBoundingClientRect();
          return {x: r.left + 3, y: r.top + r.height / 2}; })()""")
        b.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": box["x"], "y": box["y"]})
        out["hover_tip"] = b.eval("""(() => { const t = document.querySelector('#tip');
          return !t.hidden && getComputedStyle(t).display === 'block' ? t.textContent : null;
        })()""")
        b.send("Input.dispatchMouseEvent", {"type": "mouseMoved", "x": 1, "y": 1})
        # Keyboard: from the last control before the sentences, real Tab key presses until a
        # highlighted span has the focus.
        b.eval("document.querySelector('#fd').focus()")
        focused = None
        for _ in range(20):
            b.send("Input.dispatchKeyEvent", {"type": "keyDown", "key": "Tab", "code": "Tab",
                                              "windowsVirtualKeyCode": 9})
            b.send("Input.dispatchKeyEvent", {"type": "keyUp", "key": "Tab", "code": "Tab",
                                              "windowsVirtualKeyCode": 9})
            focused = b.eval("""(() => { const a = document.activeElement;
              if (!a || !a.classList.contains('f')) return null;
              const t = document.getElementById(a.getAttribute('aria-describedby'));
              return {codes: a.dataset.codes, described: t ? t.textContent : null,
                      visible: !!t && !t.hidden && getComputedStyle(t).display === 'block'};
            })()""")
            if focused:
                break
        out["focus_tip"] = focused
        shot_png = b.send("Page.captureScreenshot", {"format": "png"})["data"]
        with open(shot, "wb") as f:
            f.write(base64.b64decode(shot_png))
        b.eval("document.activeElement.blur(); window.scrollTo(0, 0)")
        # Sorting by score: time from the click to the layout after it.
        out.update(b.eval("""(() => {
          const btn = document.querySelector('#s button[data-sort=s]');
          let t = performance.now(); btn.click(); document.body.offsetHeight;
          const asc_ms = performance.now() - t;
          const asc = [...document.querySelectorAll('#rows > .r')].map(r => +r.dataset.s);
          t = performance.now(); btn.click(); document.body.offsetHeight;
          const desc_ms = performance.now() - t;
          const desc = [...document.querySelectorAll('#rows > .r')].map(r => +r.dataset.s);
          btn.click();
          const back = [...document.querySelectorAll('#rows > .r')].map(r => r.id);
          const sorted = a => a.every((v, i) => i === 0 || a[i - 1] <= v);
          return {sort_ms: Math.round(Math.max(asc_ms, desc_ms)),
                  sorted_ascending: sorted(asc), sorted_descending: sorted(desc.slice().reverse()),
                  back_to_input_order: back.every((id, i) => id === 'r' + i),
                  aria_sort: btn.closest('[role=columnheader]').getAttribute('aria-sort')};
        })()"""))
        # Filtering by code and by verdict: the rows left visible.
        out.update(b.eval("""(() => {
          const fc = document.querySelector('#fc'), fv = document.querySelector('#fv');
          const code = [...fc.options].map(o => o.value).find(v => v && v !== '*');
          const visible = () => [...document.querySelectorAll('#rows > .r')]
            .filter(r => getComputedStyle(r).display !== 'none');
          let t = performance.now();
          fc.value = code; fc.dispatchEvent(new Event('change')); document.body.offsetHeight;
          const filter_ms = performance.now() - t;
          const byCode = visible();
          const want = document.querySelectorAll('#rows > .r[data-c~="' + code + '"]').length;
          fc.value = ''; fv.value = 'reject'; fv.dispatchEvent(new Event('change'));
          const byVerdict = visible();
          fv.value = ''; fv.dispatchEvent(new Event('change'));
          return {filter_ms: Math.round(filter_ms), filter_code: code,
                  filter_code_rows: byCode.length, filter_code_expected: want,
                  filter_code_ok: byCode.every(r => r.dataset.c.split(' ').includes(code)),
                  filter_reject_rows: byVerdict.length,
                  filter_reject_ok: byVerdict.every(r => r.dataset.v === 'reject'),
                  all_back: visible().length};
        })()"""))
    finally:
        b.close()
    print(json.dumps(out))


if __name__ == "__main__":
    main()
