"""A live chronod (TCP and HTTP on 127.0.0.1, ephemeral ports) and a headless Chromium for the reading-room tests.

CHRONOD names the built daemon; SEEDS the documents folder (default /work/shared/seeds or ../shared/seeds next to
the repository); without it the checks of cited lines are skipped, and the card's notice is checked instead.
"""
import json
import os
import pathlib
import shutil
import subprocess
import tempfile
import urllib.request

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

REPOSITORY = pathlib.Path(__file__).resolve().parents[2]
SCREENS = pathlib.Path(__file__).resolve().parent / "screens"


def seeds_folder():
    for candidate in (os.environ.get("SEEDS"), "/work/shared/seeds", REPOSITORY.parent / "shared" / "seeds"):
        if candidate and pathlib.Path(candidate).is_dir():
            return pathlib.Path(candidate)
    return None


class Daemon:
    def __init__(self, process, url, documents):
        self.process = process
        self.url = url
        self.documents = documents

    def call(self, method, params=None):
        """POST /v1/<Service>/<Method>; returns the terminal frame."""
        request = urllib.request.Request(
            f"{self.url}v1/{method}", data=json.dumps(params or {}).encode(),
            headers={"Content-Type": "application/json"}, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return json.loads(response.read())
        except urllib.error.HTTPError as error:
            return json.loads(error.read())


@pytest.fixture(scope="session")
def daemon():
    executable = os.environ.get("CHRONOD") or str(REPOSITORY / ".build" / "debug" / "chronod")
    if not os.access(executable, os.X_OK):
        pytest.fail(f"no built chronod at {executable} (swift build, or set CHRONOD)")
    scratch = tempfile.mkdtemp(prefix="chronograph-browser-")
    documents = seeds_folder()
    arguments = [executable, "--host", "127.0.0.1", "--port", "0", "--http-port", "0",
                 "--db", os.path.join(scratch, "graph.sqlite"), "--graph", str(REPOSITORY / "Graph")]
    if documents:
        arguments += ["--documents", str(documents)]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("CHRONO_")}
    process = subprocess.Popen(arguments, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=environment)
    try:
        first = process.stdout.readline()
        second = process.stdout.readline()
        assert first.startswith("chronod listening on "), first
        assert second.startswith("chronod reading room at "), second
        yield Daemon(process, second.split(" at ", 1)[1].strip(), documents)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(scratch, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    options = Options()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1200,900", "--force-device-scale-factor=1"):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()
