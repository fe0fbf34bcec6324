#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# What a screen reader hears: starts its own session bus and AT-SPI bus
# (under the Xvfb that meson's xvfb-run gives), opens the demo window in
# each section and walks the accessible tree as Orca would.  Fails when
# fewer than 90 % of the shown interactive objects of a section have a
# real name (GTK 4.8 names an unnamed widget by its type, "GtkEntry": that
# counts as unnamed, and so does a name said twice, "Xem Xem").  Sections
# not shown are hidden from readers, so only the shown one is walked.  Prints every section's percentage and the unnamed objects.
#
# Also types a refused value in a score field and checks that the bus
# carries what a reader speaks (the field invalid, its description the
# message).
#
# Usage: test-a11y.py THIDUA [--report] (--report: print, never fail).

import contextlib
import os
import re
import shutil
import signal
import subprocess
import sys
import time

SECTIONS = ["overview", "units", "campaigns", "criteria", "scores", "ranking", "calendar"]
if os.environ.get("TD_A11Y_SECTIONS"):
    SECTIONS = os.environ["TD_A11Y_SECTIONS"].split(",")
THRESHOLD = 90.0
TYPE_NAME = re.compile(r"^(Gtk|Adw|Td)[A-Z]\w*$")

thidua = sys.argv[1]
report_only = "--report" in sys.argv
procs = []
tap_n = 0


def tap(ok, name, detail=None):
    global tap_n
    tap_n += 1
    print(("ok" if ok else "not ok"), tap_n, "-", name)
    if detail:
        for line in detail.splitlines():
            print("#", line)
    sys.stdout.flush()
    return ok


def skip_all(reason):
    print("1..0 # SKIP", reason)
    sys.exit(0)


def cleanup():
    for p in reversed(procs):
        if p.poll() is None:
            p.terminate()
            try:
                p.wait(3)
            except subprocess.TimeoutExpired:
                p.kill()


def start_buses():
    """A session bus of our own, then the accessibility bus and its registry."""
    if not os.environ.get("DISPLAY"):
        skip_all("no X display (run under xvfb-run)")
    launcher = "/usr/libexec/at-spi-bus-launcher"
    registryd = "/usr/libexec/at-spi2-registryd"
    if not shutil.which("dbus-daemon") or not os.path.exists(launcher) \
            or not os.path.exists(registryd):
        skip_all("dbus-daemon or at-spi2-core is not installed (scripts/setup.sh installs them)")
    p = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                         stdout=subprocess.PIPE, text=True)
    procs.append(p)
    address = p.stdout.readline().strip()
    if not address:
        skip_all("the session bus could not start")
    os.environ["DBUS_SESSION_BUS_ADDRESS"] = address
    os.environ.pop("NO_AT_BRIDGE", None)
    os.environ["GTK_A11Y"] = "atspi"
    procs.append(subprocess.Popen([launcher, "--launch-immediately"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
    time.sleep(0.3)
    procs.append(subprocess.Popen([registryd], stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL))
    time.sleep(0.3)


INTERACTIVE = None
LEAVES = None


def interactive_roles(pyatspi):
    names = ["PUSH_BUTTON", "TOGGLE_BUTTON", "CHECK_BOX", "RADIO_BUTTON", "ENTRY",
             "PASSWORD_TEXT", "SPIN_BUTTON", "COMBO_BOX", "LIST_ITEM", "TABLE_CELL", "TABLE_ROW",
             "MENU_ITEM", "LINK", "SLIDER", "SWITCH", "TEXT", "LIST_BOX", "TABLE", "TREE",
             "TREE_TABLE", "LIST", "PUSH_BUTTON_MENU"]
    return {getattr(pyatspi, "ROLE_" + n) for n in names if hasattr(pyatspi, "ROLE_" + n)}


def find_app(pyatspi, pid, timeout=20.0):
    end = time.time() + timeout
    while time.time() < end:
        desktop = pyatspi.Registry.getDesktop(0)
        for i in range(desktop.childCount):
            app = desktop.getChildAtIndex(i)
            try:
                if app is not None and app.get_process_id() == pid:
                    if app.childCount > 0:
                        return app
            except Exception:
                pass
        time.sleep(0.2)
    return None


def said_twice(name):
    """ "Xem Xem", "_Xem Xem": a name GTK 4.8 made of a label and the same
    label again (a mnemonic button's property and its label)."""
    words = name.replace("_", "").split(" ")
    half = len(words) // 2
    return len(words) % 2 == 0 and half > 0 and words[:half] == words[half:]


def visible_children(pyatspi, obj):
    """The children of @obj a reader is told are there (not hidden)."""
    try:
        n = obj.childCount
    except Exception:
        return
    for i in range(n):
        try:
            child = obj.getChildAtIndex(i)
            if child is not None and child.getState().contains(pyatspi.STATE_VISIBLE):
                yield child
        except Exception:
            continue


def walk(pyatspi, obj, out, depth=0):
    """The interactive objects on screen under @obj (which is visible).

    GTK 4.8 marks only windows "showing"; every other object is "visible"
    unless it, or a section it belongs to, is hidden from assistive
    technology: a subtree that is not visible is not on screen.  Each
    question is a D-Bus round trip, so only what is needed is asked."""
    try:
        role = obj.getRole()
    except Exception:
        return
    if role in INTERACTIVE:
        try:
            name = (obj.name or "").strip()
            desc = obj.description or ""
        except Exception:
            return
        real = bool(name) and not TYPE_NAME.match(name) and not said_twice(name)
        out.append((obj.getRoleName(), name, real, desc))
    if role in LEAVES or depth > 60:
        return
    for child in visible_children(pyatspi, obj):
        walk(pyatspi, child, out, depth + 1)


@contextlib.contextmanager
def launched(section):
    """Thi Đua on the demo in @section, stopped when the block ends."""
    p = subprocess.Popen([thidua, "--demo", "--section", section], env=dict(os.environ),
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    procs.append(p)
    try:
        yield p
    finally:
        p.terminate()
        try:
            p.wait(5)
        except subprocess.TimeoutExpired:
            p.kill()
        procs.remove(p)


def shown_windows(pyatspi, app):
    for i in range(app.childCount):
        win = app.getChildAtIndex(i)
        if win is not None and win.getState().contains(pyatspi.STATE_SHOWING):
            yield win


def measure(pyatspi, section):
    with launched(section) as p:
        app = find_app(pyatspi, p.pid)
        if app is None:
            return None, "the window never appeared on the accessibility bus"
        # Let the section build and the start-up work settle.
        time.sleep(1.5)
        out = []
        for win in shown_windows(pyatspi, app):
            walk(pyatspi, win, out)
        return out, None


def find_score_entry(pyatspi, obj, depth=0):
    """The first score field of the one-unit view: an entry named by its
    column and criterion ("Tự chấm, 1 …") with its rule as description."""
    try:
        role = obj.getRole()
        if role == pyatspi.ROLE_ENTRY or role == pyatspi.ROLE_TEXT:
            if "," in (obj.name or "") and "–" in (obj.description or ""):
                return obj
    except Exception:
        return None
    if depth > 60:
        return None
    for child in visible_children(pyatspi, obj):
        found = find_score_entry(pyatspi, child, depth + 1)
        if found is not None:
            return found
    return None


def refused_value_announced(pyatspi):
    """Type "abc" in a score field and press Enter: the field must turn
    invalid and its description become the message, on the bus, while it
    has the focus.  Orca speaks a description change of the focused object
    (its onDescriptionChanged), so this is what the clerk hears."""
    from gi.repository import GLib
    events = []
    with launched("scores") as p:
        app = find_app(pyatspi, p.pid)
        if app is None:
            return False, "the window never appeared on the accessibility bus"
        time.sleep(1.5)
        entry = None
        for win in shown_windows(pyatspi, app):
            entry = entry or find_score_entry(pyatspi, win)
        if entry is None:
            return False, "no score field named by column and criterion was found"
        name = entry.name

        def listener(event):
            try:
                if event.source.name == name:
                    events.append((event.type, event.detail1, str(event.any_data)))
            except Exception:
                pass

        for kind in ("object:property-change:accessible-description",
                     "object:state-changed:invalid", "object:state-changed:focused"):
            pyatspi.Registry.registerEventListener(listener, kind)
        # GTK 4.8 does not grab focus through the bus: click the field.
        ext = entry.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
        pyatspi.Registry.generateMouseEvent(ext.x + ext.width // 2, ext.y + ext.height // 2,
                                            "b1c")
        time.sleep(0.5)
        entry.queryEditableText().setTextContents("abc")
        time.sleep(0.3)
        pyatspi.Registry.generateKeyboardEvent(0xff0d, None, pyatspi.KEY_SYM)  # Return
        GLib.timeout_add(3000, lambda: pyatspi.Registry.stop())
        pyatspi.Registry.start()
        pyatspi.Registry.deregisterEventListener(listener)
        said = [e[2] for e in events
                if e[0].endswith("accessible-description") and "abc" in e[2]]
        invalid = [e for e in events if e[0].endswith(":invalid") and e[1] == 1]
        focused = entry.getState().contains(pyatspi.STATE_FOCUSED)
        detail = "field %r\nevents: %r" % (name, events)
        if not said:
            return False, "no description change with the message reached the bus\n" + detail
        if not invalid:
            return False, "the field was not marked invalid on the bus\n" + detail
        if not focused:
            return False, "the field lost the focus, so a reader would not speak it\n" + detail
        return True, "heard: " + said[-1]


def main():
    global INTERACTIVE, LEAVES
    start_buses()
    try:
        import pyatspi
    except ImportError:
        skip_all("python3-pyatspi is not installed (scripts/setup.sh installs it)")
    INTERACTIVE = interactive_roles(pyatspi)
    LEAVES = {pyatspi.ROLE_LABEL, pyatspi.ROLE_IMAGE, pyatspi.ROLE_SEPARATOR,
              pyatspi.ROLE_SCROLL_BAR, pyatspi.ROLE_ENTRY, pyatspi.ROLE_TEXT,
              pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_CHECK_BOX, pyatspi.ROLE_RADIO_BUTTON,
              pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_SPIN_BUTTON}
    announce = "scores" in SECTIONS
    print("1..%d" % (len(SECTIONS) + announce))
    failed = 0
    summary = []
    for section in SECTIONS:
        t0 = time.time()
        result, error = measure(pyatspi, section)
        if result is None:
            failed += not tap(report_only, section, error)
            continue
        out = result
        named = sum(1 for o in out if o[2])
        pct = 100.0 * named / len(out) if out else 100.0
        summary.append("%-10s %5.1f %% (%d of %d)" % (section, pct, named, len(out)))
        detail = ["%s: %.1f %% of %d shown interactive objects named (%.1f s)"
                  % (section, pct, len(out), time.time() - t0)]
        unnamed = {}
        for role, name, real, desc in out:
            if not real:
                key = "%s %r" % (role, name)
                unnamed[key] = unnamed.get(key, 0) + 1
        for key, count in sorted(unnamed.items(), key=lambda kv: -kv[1])[:12]:
            detail.append("  unnamed: %s ×%d" % (key, count))
        if os.environ.get("TD_A11Y_VERBOSE"):
            for role, name, real, desc in out:
                detail.append("  %s %r %r" % (role, name, desc))
        ok = pct >= THRESHOLD
        failed += not tap(ok or report_only, section, "\n".join(detail))
    if announce:
        ok, detail = refused_value_announced(pyatspi)
        failed += not tap(ok or report_only, "a refused score is announced", detail)
    for line in summary:
        print("#", line)
    return 1 if failed else 0


try:
    signal.signal(signal.SIGTERM, lambda *a: sys.exit(1))
    status = main()
finally:
    cleanup()
sys.exit(status)
