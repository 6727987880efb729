"""End-to-end test of the plant's board (issue 24) in a real headless Chromium, through Selenium.

A worker opens now-and-next on a phone-sized window, finds a worker by typing their name without
accents and opens their record; a facilitator enters the battle's PIN, marks two people attended,
sees the session's count change, and `formation session list` says the same.

The server runs under faketime at 2026-12-02 10:00 in Caracas, so the test passes on any date.
With BOARD_SCREENSHOTS=docs it also writes the README's screenshots (360x740 and 1280x800).

Needs: chromium, chromium-driver (Debian), selenium (PyPI), faketime, and the built binary
(FORMATION_BINARY, else .build/debug/formation).
"""

import json
import os
import pathlib
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as loaded
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
FORMATION = os.environ.get("FORMATION_BINARY", str(ROOT / ".build" / "debug" / "formation"))
BATTLE = "Batalla de La Gaviota"
PIN = "4821"


def formation(database, *arguments, stdin=None):
    done = subprocess.run([FORMATION, *arguments, "--database", database], input=stdin, capture_output=True, text=True,
                          env={**os.environ, "FORMATION_LANG": "es"})
    assert done.returncode == 0, f"formation {' '.join(arguments)}: {done.stderr}"
    return done.stdout.strip()


@pytest.fixture(scope="module")
def board():
    """A plant's database and the board over it, at a fixed instant."""
    with tempfile.TemporaryDirectory() as folder:
        database = os.path.join(folder, "planta.sqlite")
        formation(database, "import", *sorted(str(p) for p in (ROOT / "Curricula").glob("*.xml")))
        formation(database, "plant", "add", "La Gaviota", "--state", "Sucre")
        for name in ["María Pérez", "Jesús Peña", "José Rondón", "Ana Rivas", "Omar Quintero", "Carmen Useche"]:
            formation(database, "person", "add", name, "--plant", "La Gaviota")
        formation(database, "battle", "add", BATTLE, "--plant", "La Gaviota", "--start", "2026-12-01", "--end", "2026-12-05",
                  "--time-zone", "America/Caracas")
        drawing = formation(database, "session", "add", "--battle", BATTLE, "--workshop", "freehand-drawing/proportion-by-eye",
                            "--start", "2026-12-02 09:00", "--end", "2026-12-02 11:00", "--place", "Taller mecánico",
                            "--facilitator", "María Pérez", "--force")
        formation(database, "session", "add", "--battle", BATTLE, "--workshop", "freehand-drawing/orthographic-views",
                  "--start", "2026-12-02 14:00", "--end", "2026-12-02 16:30", "--place", "Taller mecánico",
                  "--facilitator", "María Pérez", "--force")
        formation(database, "session", "add", "--battle", BATTLE, "--workshop", "plant-maintenance/lockout-tagout",
                  "--start", "2026-12-02 09:30", "--end", "2026-12-02 12:30", "--place", "Patio de bombas",
                  "--facilitator", "Omar Quintero", "--force")
        formation(database, "attend", drawing, "Jesús Peña", "José Rondón", "Ana Rivas")
        formation(database, "battle", "pin", BATTLE, stdin=PIN + "\n")

        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        # Debian's faketime launcher runs the server as its child with the clock set.
        log = open(os.path.join(folder, "serve.log"), "w")
        server = subprocess.Popen(["faketime", "2026-12-02 14:00:00", FORMATION, "serve", "--port", str(port), "--database", database],
                                  env={**os.environ, "TZ": "UTC"}, stdout=subprocess.DEVNULL, stderr=log)
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        try:
            yield {"base": base, "database": database, "session": drawing}
        finally:
            # SIGTERM to the server itself (the launcher's child), as a service manager would send it.
            children = pathlib.Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
            for child in children:
                os.kill(int(child), signal.SIGTERM)
            assert server.wait(timeout=10) == 0, "the board did not stop cleanly on SIGTERM"
            log.close()
            assert "el tablero se detuvo" in open(os.path.join(folder, "serve.log")).read() or "the board stopped" in open(os.path.join(folder, "serve.log")).read()


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=es-VE",
                     "--hide-scrollbars", "--force-device-scale-factor=1"]:
        options.add_argument(argument)
    options.add_experimental_option("prefs", {"intl.accept_languages": "es-VE,es"})
    driver = webdriver.Chrome(service=Service(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")), options=options)
    yield driver
    driver.quit()


def window(driver, width, height):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": width < 600})


def shot(driver, name):
    folder = os.environ.get("BOARD_SCREENSHOTS")
    if folder:
        pathlib.Path(folder).mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(pathlib.Path(folder) / name))


def wait_for(driver, condition):
    """Waits for the page that a click or Enter loads (a form's answer arrives after the call returns)."""
    return WebDriverWait(driver, 10).until(condition)


def row_button(driver, name, label):
    row = driver.find_element(By.XPATH, f"//tr[td[1][normalize-space()='{name}']]")
    return row.find_element(By.XPATH, f".//button[normalize-space()='{label}']")


def test_a_phone_finds_a_worker_and_a_facilitator_marks_attendance(board, browser):
    base = board["base"]
    window(browser, 360, 740)
    browser.get(base + "/")
    assert browser.title == "Ahora y después"
    page = browser.find_element(By.TAG_NAME, "main").text
    assert "Taller mecánico" in page and "Patio de bombas" in page
    assert "09:00–11:00" in page and "14:00–16:30" in page
    shot(browser, "board-now-360.png")

    # Find a worker by typing the name without accents, then open the record.
    browser.find_element(By.LINK_TEXT, "Personas").click()
    field = wait_for(browser, loaded.presence_of_element_located((By.ID, "q")))
    field.send_keys("jesus pena")
    field.send_keys(Keys.ENTER)
    wait_for(browser, loaded.presence_of_element_located((By.LINK_TEXT, "Jesús Peña"))).click()
    wait_for(browser, loaded.title_contains("Jesús Peña"))
    record = browser.find_element(By.TAG_NAME, "main").text
    assert "Registro de formación" in record and "Jesús Peña" in record
    shot(browser, "board-person-360.png")

    # The session under way, from now-and-next; the PIN once; two people marked attended.
    browser.get(base + "/")
    browser.find_element(By.LINK_TEXT, "Línea, círculo y proporción a ojo").click()
    wait_for(browser, loaded.presence_of_element_located((By.ID, "count")))
    assert browser.find_element(By.ID, "count").text == "vinieron 0 de 3", browser.find_element(By.TAG_NAME, "main").text
    browser.find_element(By.NAME, "pin").send_keys(PIN + Keys.ENTER)
    wait_for(browser, loaded.presence_of_element_located((By.XPATH, "//button[normalize-space()='Asistió']")))
    row_button(browser, "José Rondón", "Asistió").click()
    wait_for(browser, loaded.text_to_be_present_in_element((By.ID, "count"), "vinieron 1 de 3"))
    row_button(browser, "Jesús Peña", "Asistió").click()
    wait_for(browser, loaded.text_to_be_present_in_element((By.ID, "count"), "vinieron 2 de 3"))
    assert "Jesús Peña: presente" in browser.find_element(By.CSS_SELECTOR, "p.ok").text
    shot(browser, "board-session-360.png")

    # The CLI sees the same.
    sessions = json.loads(formation(board["database"], "session", "list", "--battle", BATTLE, "--format", "json"))
    marked = next(s for s in sessions if s["id"] == board["session"])
    assert marked["attended"] == 2

    # The other pages, on a wide screen (screenshots for the README).
    window(browser, 1280, 800)
    for path, name in [("/", "board-now-1280.png"), ("/battles/" + BATTLE.replace(" ", "%20"), "board-battle-1280.png"),
                       ("/people/jesus%20pena", "board-person-1280.png"), ("/sessions/" + board["session"], "board-session-1280.png"),
                       ("/workshops/freehand-drawing/proportion-by-eye", "board-workshop-1280.png")]:
        browser.get(base + path)
        assert "No se pudo mostrar" not in browser.title
        shot(browser, name)
