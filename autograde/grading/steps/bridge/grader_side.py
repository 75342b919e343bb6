"""The grader kernel's end of the bridge (loaded into the grader kernel before the notebook).

The grader kernel runs the locked cells and the test cells, never a line of student code.
Before each of its cells runs, the names the cell uses that the student's cells (re)defined
are bound here: the student's functions as ``Proxy`` objects whose call ships the arguments
to the student kernel and the result back (``codec``), plain values as copies, anything that
cannot cross as an ``Unavailable`` placeholder that says why when a test touches it. Names
that the grader's own cells defined are never replaced by the student's.

The student kernel is reached as any Jupyter client reaches a kernel: a blocking client on its
connection file (``RNNCOURSE_STUDENT_CONNECTION``), the data through files in a folder both
kernels share (``RNNCOURSE_EXCHANGE``).
"""
from __future__ import annotations

import ast
import builtins
import itertools
import os
import queue
import shutil

import numpy as np

try:
    from . import codec  # in the grading package's own tests
except ImportError:  # injected into a kernel
    import _rnncourse_codec as codec  # type: ignore

StudentError = codec.StudentError
FORBIDDEN_NAMES = {"tensorflow", "tf", "keras", "torch", "jax", "tf_keras",
                   "__import__", "importlib", "exec", "eval"}
FORBIDDEN_MODULES = {"tensorflow", "keras", "torch", "jax", "tf_keras"}
GUIDANCE = ("return numpy arrays, numbers, strings, None, tuples/lists/dicts of these, a Keras "
            "model made of built-in layers, or a tf.data.Dataset")


class StudentKernel:
    """A blocking Jupyter client of the student kernel, used only to run the bridge."""

    def __init__(self, connection_file: str, exchange: str):
        self.connection_file, self.exchange = connection_file, exchange
        self.kc = self._client()
        self.counter = itertools.count(1)

    def _client(self):
        from jupyter_client import BlockingKernelClient
        kc = BlockingKernelClient(connection_file=self.connection_file)
        kc.load_connection_file()
        kc.start_channels(shell=True, iopub=False, stdin=False, hb=True, control=True)
        return kc

    def reconnect(self) -> None:
        """A new client once the student kernel was restarted: the old one's connections may
        still reach copies of the old kernel (a fork bomb's) that have not died yet."""
        self.kc.stop_channels()
        self.kc = self._client()

    def _execute(self, code: str) -> str | None:
        """Run ``code`` silently in the student kernel; return the bridge's answer text
        (``None``: the answer is in the exchange folder)."""
        msg_id = self.kc.execute(code, silent=True, store_history=False, allow_stdin=False,
                                 user_expressions={"answer": "_rnncourse_bridge.last"})
        try:
            while True:
                try:
                    reply = self.kc.get_shell_msg(timeout=0.5)
                except queue.Empty:
                    if not self.kc.is_alive():
                        raise StudentError("the student's kernel died while running your code "
                                           "(os._exit, a crash, or a resource limit)") from None
                    continue
                if reply["parent_header"].get("msg_id") == msg_id:
                    break
        except KeyboardInterrupt:  # the cell timed out: stop the student's code too
            self.interrupt()
            raise
        content = reply["content"]
        if content.get("status") != "ok":
            raise StudentError("the student's kernel could not answer the grader: "
                               f"{content.get('ename')}: {str(content.get('evalue'))[:300]}")
        answer = (content.get("user_expressions") or {}).get("answer") or {}
        try:
            text = ast.literal_eval(answer.get("data", {}).get("text/plain", ""))
        except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
            text = 0
        if text is not None and not isinstance(text, str):
            raise StudentError("the student's kernel gave no answer (was the grading bridge replaced?)")
        return text

    def interrupt(self) -> None:
        self.kc.control_channel.send(self.kc.session.msg("interrupt_request", {}))

    def ask(self, code_for, arguments=None):
        """Send ``arguments`` (if any), run ``code_for(n, text)`` in the student kernel, and
        return its answer, decoded as untrusted data."""
        n = next(self.counter)
        call, reply = (os.path.join(self.exchange, f"{kind}-{n}") for kind in ("call", "reply"))
        try:
            text = None
            if arguments is not None:
                try:
                    text = codec.Encoder(None, remote_of=_as_node, allow_library=True).dumps(arguments)
                except codec.NeedsFolder:
                    os.makedirs(call)
                    codec.Encoder(call, remote_of=_as_node, allow_library=True).write(arguments)
            answer = self._execute(code_for(n, text))
            try:
                if answer is not None:
                    return codec.Decoder(reply, trusted=False, make_remote=self.proxy).loads(answer)
                if not os.path.exists(os.path.join(reply, "value.json")):
                    raise StudentError("the student's kernel gave no answer (was the grading bridge replaced?)")
                return codec.Decoder(reply, trusted=False, make_remote=self.proxy).read()
            except (codec.CodecError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
                raise StudentError(f"the student's kernel answered with something unreadable: {exc}") from None
        finally:
            shutil.rmtree(call, ignore_errors=True)
            shutil.rmtree(reply, ignore_errors=True)

    def proxy(self, node) -> "Proxy":
        remote = codec.Remote(node.get("name"), node.get("handle"), str(node.get("kind")), str(node.get("type")))
        if remote.name is not None and not isinstance(remote.name, str) or \
                remote.handle is not None and type(remote.handle) is not int:
            raise codec.CodecError("a malformed reference")
        return Proxy(self, remote)


def _bound_in(tree) -> set[str]:
    """Names a cell binds itself (imports, assignments, definitions)."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, (ast.Store, ast.Del)):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, (ast.Import, ast.ImportFrom)):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


def _as_node(value):
    if isinstance(value, Proxy):
        return object.__getattribute__(value, "_remote").node()
    if isinstance(value, codec.Remote):
        return value.node()
    return None


class Proxy:
    """A student function, seen from the grader: calling it runs it in the student kernel."""

    __rnncourse_proxy__ = True

    def __init__(self, student: StudentKernel, remote: codec.Remote):
        self._student, self._remote = student, remote
        self.__name__ = getattr(remote, "name", None) or getattr(remote, "__name__", None) or \
            f"<function returned by your code: {getattr(remote, 'type_name', '')}>"
        self.last_forbidden: list = []

    def __repr__(self):
        return f"<your function {self.__name__}>"

    def __call__(self, *args, **kwargs):
        return self.call_many([(args, kwargs)])[0][0]

    def call(self, args, kwargs, profile=False):
        """``(result, forbidden)``: forbidden names a package the call reached, if any."""
        results, forbidden = self.call_many([(args, kwargs)], profile)
        return results[0], forbidden

    def call_many(self, calls, profile=False):
        """Run ``[(args, kwargs), ...]`` in order in the student kernel, in one round trip;
        write back the arguments the calls changed in place; return ``(results, forbidden)``.
        The same object passed to several calls (a random generator) is one object there too."""
        request = {"target": self._remote, "profile": profile, "errstate": np.geterr(),
                   "calls": [[list(args), dict(kwargs)] for args, kwargs in calls]}
        try:
            reply = self._student.ask(lambda n, text: f"_rnncourse_bridge.call({n}, {text!r})", request)
        except codec.CodecError as exc:
            raise StudentError(f"{self.__name__} was called with {exc}, which cannot be sent") from None
        if not isinstance(reply, dict):
            raise StudentError(f"{self.__name__}: the student's kernel answered with something unreadable")
        if "unencodable" in reply:
            raise StudentError(f"{self.__name__} returned a {reply['unencodable']} object, which the grader "
                               f"cannot check: {GUIDANCE}")
        after = reply.get("calls")
        if isinstance(after, list):
            for (args, kwargs), changed in zip(calls, after):
                if isinstance(changed, list) and len(changed) == 2:
                    for before, now in zip(args, changed[0] if isinstance(changed[0], list) else []):
                        write_back(before, now)
                    now_kw = changed[1] if isinstance(changed[1], dict) else {}
                    for key, before in kwargs.items():
                        if key in now_kw:
                            write_back(before, now_kw[key])
        forbidden = reply.get("forbidden") or []
        if "raised" in reply:
            exc = reply["raised"]
            raise exc if isinstance(exc, BaseException) else StudentError(f"{self.__name__} failed")
        results = reply.get("results")
        if not isinstance(results, list) or len(results) != len(calls):
            raise StudentError(f"{self.__name__}: the student's kernel answered with something unreadable")
        return results, forbidden


def write_back(before, after) -> None:
    """Make ``before`` (the grader's argument) show what the student's call did to its copy."""
    if type(before) is np.ndarray and type(after) is np.ndarray:
        if before.shape == after.shape and before.dtype == after.dtype and before.flags.writeable \
                and not np.array_equal(before, after, equal_nan=before.dtype.kind in "fc"):
            np.copyto(before, after)
    elif type(before) is np.random.Generator and type(after) is np.random.Generator:
        if type(before.bit_generator) is type(after.bit_generator):
            before.bit_generator.state = after.bit_generator.state
    elif type(before) is dict and type(after) is dict:
        for key in [k for k in before if k not in after]:
            del before[key]
        for key, value in after.items():
            if key in before and type(before[key]) in (np.ndarray, dict, list, tuple, np.random.Generator) \
                    and type(before[key]) is type(value):
                write_back(before[key], value)
            else:
                before[key] = value
    elif type(before) is tuple and type(after) is tuple and len(before) == len(after):
        for inner_before, inner_after in zip(before, after):  # arrays inside a cache tuple
            if type(inner_before) in (np.ndarray, dict, list, tuple, np.random.Generator):
                write_back(inner_before, inner_after)
    elif type(before) is list and type(after) is list:
        if len(before) != len(after):
            before[:] = after
            return
        for i, value in enumerate(after):
            if type(before[i]) in (np.ndarray, dict, list, tuple, np.random.Generator) \
                    and type(before[i]) is type(value):
                write_back(before[i], value)
            else:
                before[i] = value


class Unavailable:
    """Stands for a student value that cannot cross to the grader."""

    def __init__(self, name: str, type_name: str, reason: str = ""):
        object.__setattr__(self, "_message",
                           f"`{name}` is a {type_name} object in your notebook, which the grader cannot "
                           f"read ({reason or 'not plain data'}); {GUIDANCE}")

    def _fail(self, *args, **kwargs):
        raise StudentError(object.__getattribute__(self, "_message"))

    def __getattr__(self, item):
        self._fail()

    __call__ = __iter__ = __len__ = __getitem__ = __array__ = __float__ = __int__ = __bool__ = _fail

    def __repr__(self):
        return f"<unavailable: {object.__getattribute__(self, '_message')}>"


class Grader:
    """Keeps the grader kernel's view of the student's names up to date."""

    def __init__(self, shell, student: StudentKernel):
        self.shell, self.student = shell, student
        self.version = 0
        self.stale: set[str] = set()
        self.bound: dict[str, object] = {}
        self.sources: list[str] = []
        shell.events.register("pre_run_cell", self.before_cell)

    def student_source(self, source: str) -> None:
        """The host passes each student cell's source (as a string) for static checks."""
        self.sources.append(source)

    def refresh(self) -> None:
        reply = self.student.ask(lambda n, _: f"_rnncourse_bridge._reply({n}, "
                                              f"_rnncourse_bridge.changed_since({self.version}))")
        if not (isinstance(reply, list) and len(reply) == 2 and type(reply[0]) is int
                and isinstance(reply[1], list)):
            raise StudentError("the student's kernel answered with something unreadable")
        if reply[0] < self.version:  # the student kernel was restarted: everything is new
            self.version = 0
            return self.refresh()
        self.version = reply[0]
        self.stale.update(n for n in reply[1] if isinstance(n, str) and n.isidentifier())

    def before_cell(self, info) -> None:
        try:
            source = self.shell.transform_cell(info.raw_cell)
            tree = ast.parse(source)
        except (SyntaxError, ValueError):
            return
        used = {node.id for node in ast.walk(tree) if isinstance(node, ast.Name)}
        if not any(self._may_be_students(name) for name in used - _bound_in(tree)):
            return  # no need to ask (a locked cell then runs in both kernels at once)
        try:
            self.refresh()
        except StudentError:
            return  # the cell runs with what is bound; a call will report the failure
        for name in sorted(used & self.stale):
            self.bind(name)

    def _may_be_students(self, name: str) -> bool:
        """Whether the student kernel may hold a newer ``name`` than this kernel: not a
        builtin, and either unknown here or a copied value (a proxy always calls the
        student's current function of that name)."""
        if name in vars(builtins):
            return False
        if name not in self.shell.user_ns:
            return True
        return name in self.bound and not isinstance(self.bound[name], Proxy)

    def _protected(self, name: str) -> bool:
        """Names the grader's own cells defined, and builtins (a student's ``len`` must not
        answer for the tests' ``len``), are never bound to the student's."""
        ns = self.shell.user_ns
        if name in vars(builtins) or name.startswith("_"):
            return True
        return name in ns and (name not in self.bound or ns[name] is not self.bound[name])

    def bind(self, name: str) -> None:
        self.stale.discard(name)
        if self._protected(name):
            return  # the grader's own cells defined it: the student cannot replace it
        try:
            reply = self.student.ask(lambda n, _: f"_rnncourse_bridge.export({n}, {name!r})")
        except StudentError as exc:
            value = Unavailable(name, "value", str(exc))
        else:
            if not isinstance(reply, dict) or reply.get("missing"):
                self.shell.user_ns.pop(name, None)
                self.bound.pop(name, None)
                return
            if "unencodable" in reply:
                value = Unavailable(name, str(reply["unencodable"]), str(reply.get("reason", "")))
            else:
                value = reply.get("value")
                if isinstance(value, codec.Unencodable):
                    value = Unavailable(name, value.type_name, value.reason)
                if isinstance(value, Proxy):
                    value.__name__ = name
        self.shell.user_ns[name] = value
        self.bound[name] = value

    def forbidden_in_source(self, name: str) -> str | None:
        """A package (or a way to import one by name) that the student's definition of the
        function ``name`` names, if any: read from its source, not asked of the student."""
        for source in reversed(self.sources):
            try:
                tree = ast.parse(source)
            except SyntaxError:
                continue
            defs = [n for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
                    and n.name == name]
            if not defs:
                continue
            for node in ast.walk(defs[-1]):
                if isinstance(node, ast.Import):
                    for alias in node.names:
                        if alias.name.split(".")[0] in FORBIDDEN_MODULES or alias.name.startswith("rnncourse"):
                            return alias.name
                elif isinstance(node, ast.ImportFrom) and node.module:
                    if node.module.split(".")[0] in FORBIDDEN_MODULES or node.module.startswith("rnncourse"):
                        return node.module
                elif isinstance(node, ast.Name) and node.id in FORBIDDEN_NAMES:
                    return node.id
            return None
        return None


def call_beside(function, args, kwargs=None):
    """Run ``function`` (a function of the course library) in the student kernel, where the
    student's functions among ``args`` are their real selves: for checks that must run next
    to the student's code, such as mapping it over a ``tf.data`` pipeline. The result is
    data, decoded as everything the student kernel sends."""
    student = get_grader().student
    return Proxy(student, function).call(args, kwargs or {})[0]


def numpy_only_call(proxy: Proxy, args, kwargs):
    """``(result, reason)``: reason names a forbidden package the call reached (as the student
    kernel reports it) or that the function's cell names (read here, from its source)."""
    grader = get_grader()
    static = grader.forbidden_in_source(proxy.__name__) if grader else None
    if static:
        return None, static
    result, forbidden = proxy.call(args, kwargs, profile=True)
    return result, static or (forbidden[0] if forbidden else None)


_GRADER: Grader | None = None


def get_grader() -> Grader | None:
    return _GRADER


def install(connection_file: str, exchange: str) -> Grader:
    global _GRADER
    from IPython import get_ipython
    shell = get_ipython()
    _GRADER = Grader(shell, StudentKernel(connection_file, exchange))
    shell.user_ns["_rnncourse_grader"] = _GRADER
    return _GRADER
