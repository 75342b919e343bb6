"""The student kernel's end of the bridge (loaded into the kernel before the notebook runs).

It answers the grader kernel: which global names the student's cells have (re)defined, the
value of one of them, and the call of one of the student's functions. Nothing here is
trusted: student code can change or replace it. That is fine, because all the grader ever
receives is data, decoded by ``codec`` with ``trusted=False``.

    changed_since(version)     names (re)defined by cells since ``version``
    export(n, name)            answer the value of global ``name``
    call(n, text)              run the calls of ``text`` (JSON; None: read <exchange>/call-n)

An answer is left as JSON text in ``last``, which the grader reads as a user expression of the
same request; a large one (big arrays, a Keras model) goes to the folder <exchange>/reply-n.
"""
from __future__ import annotations

import os
import sys
import traceback

import numpy as np

try:
    from . import codec  # in the grading package's own tests
except ImportError:  # injected into a kernel: the injector registers the codec first
    import _rnncourse_codec as codec  # type: ignore

EXCHANGE = os.environ.get("RNNCOURSE_EXCHANGE", "")
_ERR_MODES = ("ignore", "warn", "raise", "print")
FORBIDDEN_PACKAGES = ("tensorflow", "keras", "torch", "jax", "tf_keras")
IGNORED = {"In", "Out", "get_ipython", "exit", "quit", "open"}


class Bridge:
    def __init__(self, shell):
        self.shell = shell
        self.version = 0
        self.changed: dict[str, int] = {}
        self.handles: dict[int, object] = {}
        self.last = None
        self._ids = self._snapshot()
        shell.events.register("post_run_cell", self._after_cell)

    # -- which names the student's cells define -------------------------------------------
    def _snapshot(self) -> dict[str, int]:
        return {k: id(v) for k, v in self.shell.user_ns.items()
                if not k.startswith("_") and k not in IGNORED}

    def _after_cell(self, result=None):
        now = self._snapshot()
        self.version += 1
        for name, ident in now.items():
            if self._ids.get(name) != ident:
                self.changed[name] = self.version
        self._ids = now

    def changed_since(self, version: int) -> list:
        return [self.version, sorted(n for n, v in self.changed.items() if v > version)]

    # -- values and calls -----------------------------------------------------------------
    def _remote_of(self, value):
        if callable(value) and not isinstance(value, type(sys)) and not codec._is_keras_model(value) \
                and type(value).__module__ != "numpy":
            for name, obj in self.shell.user_ns.items():
                if obj is value and not name.startswith("_"):
                    return {"$": "remote", "name": name, "handle": None, "kind": "function",
                            "type": codec._type_name(value)}
            handle = len(self.handles) + 1
            self.handles[handle] = value
            return {"$": "remote", "name": None, "handle": handle, "kind": "function",
                    "type": codec._type_name(value)}
        return None

    def _resolve(self, node):
        if node.get("handle") is not None:
            return self.handles[int(node["handle"])]
        return self.shell.user_ns[str(node["name"])]

    def _reply(self, n: int, value) -> None:
        """Leave the answer in ``self.last`` (JSON text, which the grader reads back as a user
        expression), or, if it is large or holds a model, in the folder <exchange>/reply-n."""
        self.last = None
        try:
            try:
                self.last = codec.Encoder(None, remote_of=self._remote_of).dumps(value)
            except codec.NeedsFolder:
                folder = os.path.join(EXCHANGE, f"reply-{n}")
                os.makedirs(folder, exist_ok=True)
                codec.Encoder(folder, remote_of=self._remote_of).write(value)
        except Exception as exc:  # noqa: BLE001 - anything that cannot cross
            self.last = codec.Encoder(None).dumps({"unencodable": _result_type(value), "reason": str(exc)[:300]})

    def export(self, n: int, name: str) -> None:
        try:
            value = self.shell.user_ns[name]
        except KeyError:
            return self._reply(n, {"missing": True})
        self._reply(n, {"value": value})

    def call(self, n: int, text: str | None) -> None:
        """Run the calls of <exchange>/call-n in order (one round trip for many calls);
        reply with their results, their arguments as the calls left them, and the exception
        that stopped them, if any."""
        if text is None:
            request = codec.Decoder(os.path.join(EXCHANGE, f"call-{n}"), trusted=True,
                                    make_remote=self._resolve).read()
        else:
            request = codec.Decoder(None, trusted=True, make_remote=self._resolve).loads(text)
        fn = request["target"]  # decoded from its reference by _resolve
        seen: list[str] = []
        results, raised = [], None
        previous = sys.getprofile()
        if request.get("profile"):
            sys.setprofile(_profiler(seen))
        errstate = {k: v for k, v in dict(request.get("errstate") or {}).items()
                    if k in ("divide", "over", "under", "invalid") and v in _ERR_MODES}
        try:
            with np.errstate(**errstate):  # the test's floating-point rules (e.g. over="raise")
                for args, kwargs in request["calls"]:
                    results.append(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - the student's exception is the answer
            traceback.clear_frames(exc.__traceback__)
            raised = exc
        finally:
            sys.setprofile(previous)
        reply = {"results": results, "calls": request["calls"], "forbidden": seen[:1]}
        if raised is not None:
            reply["raised"] = raised
        self._reply(n, reply)


def _result_type(value) -> str:
    if isinstance(value, dict):
        for key in ("results", "value"):
            if key in value:
                inner = value[key]
                if key == "results":
                    bad = [r for r in inner if not _encodable(r)]
                    return codec._type_name(bad[0]) if bad else "list"
                return codec._type_name(inner)
    return codec._type_name(value)


def _encodable(value) -> bool:
    try:
        codec.Encoder(None).encode(value)
        return True
    except codec.NeedsFolder:
        return True
    except Exception:  # noqa: BLE001
        return False


def _profiler(seen: list):
    def profile(frame, event, arg):
        if event == "call" and not seen:
            parts = frame.f_code.co_filename.replace("\\", "/").split("/")
            for package in FORBIDDEN_PACKAGES:
                if package in parts:
                    seen.append(package)
            if "rnncourse" in parts and parts[-1] in {"testing.py", "gradcheck.py"}:
                seen.append("rnncourse." + parts[-1][:-3])
    return profile


def install():
    from IPython import get_ipython
    shell = get_ipython()
    shell.user_ns["_rnncourse_bridge"] = Bridge(shell)
