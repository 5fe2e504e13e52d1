/**
 * The in-image probe: ONE Python script run with `docker run --rm --entrypoint <python>`.
 * `user` mode runs as the image's own user (run-time uid, imports, venv, executables);
 * `root` mode runs with `--user 0:0` only to look into directories the app user cannot read
 * (/root/.cache). It prints one line `PYCRANE-PROBE <json>` on the real stdout; anything the
 * imported packages print goes to stderr. Python 3.8+, standard library only.
 */

export const PROBE_MARKER = 'PYCRANE-PROBE ';

export const PROBE_SCRIPT = String.raw`
import json, os, re, stat, sys
MARK = "PYCRANE-PROBE "
real_stdout = sys.stdout
sys.stdout = sys.stderr
mode = sys.argv[1] if len(sys.argv) > 1 else "user"
spec = json.loads(sys.argv[2]) if len(sys.argv) > 2 else {}
out = {"mode": mode, "uid": os.getuid(), "gid": os.getgid(), "euid": os.geteuid(),
       "python": sys.version.split()[0], "executable": sys.executable, "prefix": sys.prefix,
       "basePrefix": getattr(sys, "base_prefix", sys.prefix)}

def homes():
    found = {"/root"}
    try:
        import pwd
        for entry in pwd.getpwall():
            if entry.pw_dir and entry.pw_dir not in ("/", "/nonexistent") and not entry.pw_dir.startswith("/var/") and not entry.pw_dir.startswith("/usr/"):
                found.add(entry.pw_dir)
    except Exception:
        pass
    if os.environ.get("HOME"):
        found.add(os.environ["HOME"])
    return sorted(found)

def du(path, limit=200000):
    total, count = 0, 0
    for root, dirs, files in os.walk(path):
        for name in files:
            count += 1
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
            if count > limit:
                return total, count
    return total, count

def caches():
    found, unreadable = [], []
    subs = [".cache/pip", ".cache/pypoetry", ".cache/uv", ".cache/pdm", ".cache/pipenv", ".cache/pipx", ".local/share/pipx"]
    for home in homes():
        if os.path.isdir(home) and not os.access(home, os.R_OK | os.X_OK):
            unreadable.append(home)
            continue
        for sub in subs:
            path = os.path.join(home, sub)
            if os.path.isdir(path):
                size, files = du(path)
                if files > 0:
                    found.append({"path": path, "bytes": size, "files": files})
    for path in ("/tmp/pip-cache", "/var/cache/pip"):
        if os.path.isdir(path):
            size, files = du(path)
            if files > 0:
                found.append({"path": path, "bytes": size, "files": files})
    return {"found": found, "unreadable": unreadable}

KINDS = [
    ("sudo", re.compile(r"^(sudo|doas)$")),
    ("compiler", re.compile(r"^(?:[a-z0-9_]+-linux-gnu-)?(gcc|cc|g\+\+|c\+\+|clang|clang\+\+)(?:-[0-9]+(?:\.[0-9]+)*)?$")),
    ("tool", re.compile(r"^(poetry|pipx|uv|uvx|pdm|pipenv|pip-compile|pip-sync|hatch)$")),
]

def executables():
    dirs = []
    for d in os.environ.get("PATH", "").split(":") + ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin", "/opt/pipx/bin", "/root/.local/bin"] + [os.path.join(h, ".local/bin") for h in homes()]:
        if d and d not in dirs:
            dirs.append(d)
    hits = []
    for d in dirs:
        try:
            names = sorted(os.listdir(d))
        except OSError:
            continue
        for name in names:
            for kind, pattern in KINDS:
                if pattern.match(name):
                    path = os.path.join(d, name)
                    real = os.path.realpath(path)
                    if os.path.isfile(real) and os.access(real, os.X_OK):
                        hits.append({"kind": kind, "name": name, "path": path, "realpath": real})
    return hits

def venv():
    root = os.environ.get("VIRTUAL_ENV") or (sys.prefix if sys.prefix != getattr(sys, "base_prefix", sys.prefix) else None)
    if not root:
        return None
    info = {"path": root, "exists": os.path.isdir(root), "broken": [], "links": [], "cfg": {}, "libs": []}
    bindir = os.path.join(root, "bin")
    try:
        for name in sorted(os.listdir(bindir)):
            path = os.path.join(bindir, name)
            if os.path.islink(path):
                target = os.readlink(path)
                real = os.path.realpath(path)
                ok = os.path.exists(real)
                if name.startswith("python"):
                    info["links"].append({"name": name, "target": target, "realpath": real, "ok": ok})
                if not ok:
                    info["broken"].append({"name": name, "target": target})
    except OSError as error:
        info["binError"] = str(error)
    try:
        with open(os.path.join(root, "pyvenv.cfg")) as handle:
            for line in handle:
                if "=" in line:
                    key, value = line.split("=", 1)
                    info["cfg"][key.strip()] = value.strip()
    except OSError as error:
        info["cfgError"] = str(error)
    for key in ("home", "executable"):
        value = info["cfg"].get(key)
        if value:
            info[key + "Exists"] = os.path.exists(value)
    try:
        info["libs"] = sorted(d for d in os.listdir(os.path.join(root, "lib")) if d.startswith("python"))
    except OSError:
        pass
    minor = "python%d.%d" % sys.version_info[:2]
    info["runningMinor"] = minor
    info["sitePackages"] = os.path.isdir(os.path.join(root, "lib", minor, "site-packages"))
    info["runningInside"] = os.path.realpath(sys.prefix) == os.path.realpath(root)
    return info

SKIP_MODULES = {"tests", "test", "docs", "doc", "examples", "example", "benchmarks", "scripts", "bin"}

def top_levels(dist):
    names = []
    try:
        text = dist.read_text("top_level.txt")
    except Exception:
        text = None
    if text:
        names = [line.strip().replace("/", ".") for line in text.splitlines() if line.strip()]
        # top_level.txt may name folders the distribution does not ship (Debian's setuptools
        # names "debian"): keep only the names its RECORD has files for.
        shipped = {str(f).split("/")[0].removesuffix(".py") for f in (dist.files or [])}
        if shipped:
            names = [n for n in names if n.split(".")[0] in shipped]
    if not names:
        for f in (dist.files or []):
            parts = str(f).split("/")
            first = parts[0]
            if first.startswith("..") or first.endswith((".dist-info", ".egg-info", ".data")) or first == "__pycache__":
                continue
            if len(parts) == 1:
                if first.endswith(".py"):
                    names.append(first[:-3])
                elif first.endswith(".so") or first.endswith(".pyd"):
                    names.append(first.split(".")[0])
            else:
                names.append(first)
    result = []
    for name in names:
        if name and re.match(r"^[A-Za-z_][A-Za-z0-9_.]*$", name) and not name.startswith("__") and name not in SKIP_MODULES and name not in result:
            result.append(name)
    return result

def marker_class():
    import importlib, sysconfig
    names = ("packaging.markers", "pip._vendor.packaging.markers")
    for name in names:
        try:
            return importlib.import_module(name).Marker
        except ImportError:
            pass
    # A runtime venv without pip: borrow packaging from the base interpreter's site
    # directories (the official images' pip; Debian's dist-packages), then put sys.path back.
    base = sysconfig.get_path("purelib", vars={"base": sys.base_prefix, "platbase": sys.base_prefix})
    extra = [p for p in (base, "/usr/lib/python3/dist-packages") if p and p not in sys.path]
    sys.path.extend(extra)
    try:
        for name in names:
            try:
                return importlib.import_module(name).Marker
            except ImportError:
                pass
    finally:
        for p in extra:
            sys.path.remove(p)
    return None

def marker_applies(text):
    found = marker_class()
    if found is None:
        return True, "no packaging module in the image to evaluate the marker"
    try:
        return bool(found(text).evaluate({"extra": ""})), None
    except Exception as error:
        return True, "marker not evaluated: %s" % error

def dependencies(packages):
    import importlib
    try:
        import importlib.metadata as md
    except ImportError:
        return {"error": "importlib.metadata is missing (Python < 3.8)"}
    results = []
    for pkg in packages:
        entry = {"name": pkg["name"], "locked": pkg["version"]}
        if pkg.get("markers"):
            applies, note = marker_applies(pkg["markers"])
            entry["markers"] = pkg["markers"]
            entry["applies"] = applies
            if note:
                entry["markerNote"] = note
            if not applies:
                results.append(entry)
                continue
        try:
            dist = md.distribution(pkg["name"])
        except Exception as error:
            entry["installed"] = None
            entry["error"] = type(error).__name__
            results.append(entry)
            continue
        entry["installed"] = dist.version
        mods = []
        for mod in top_levels(dist):
            try:
                importlib.import_module(mod)
                mods.append({"module": mod, "ok": True})
            except BaseException as error:
                message = str(error).strip().splitlines()
                mods.append({"module": mod, "ok": False, "error": type(error).__name__ + (": " + message[0][:300] if message else "")})
        entry["modules"] = mods
        results.append(entry)
    return {"packages": results}

try:
    if mode == "root":
        out["caches"] = caches()
    else:
        try:
            import pwd
            out["user"] = pwd.getpwuid(os.getuid()).pw_name
        except Exception:
            out["user"] = None
        out["home"] = os.environ.get("HOME")
        out["executables"] = executables()
        out["caches"] = caches()
        out["venv"] = venv()
        out["dependencies"] = dependencies(spec.get("packages", []))
except BaseException as error:
    out["fatal"] = type(error).__name__ + ": " + str(error)
real_stdout.write(MARK + json.dumps(out) + "\n")
real_stdout.flush()
`.trim();
