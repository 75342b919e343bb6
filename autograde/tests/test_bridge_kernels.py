"""The bridge between two real kernels (no sandbox): what a test cell in the grader kernel sees
of the student's code running in the student kernel."""
from __future__ import annotations

import os
import tempfile

import pytest

from grading.steps.two_kernels import _loader

STUDENT_CODE = '''
import numpy as np

def double(x):
    x *= 2            # mutates its argument in place
    return x

def draw(rng):
    return int(rng.integers(1000))

def bad(x):
    raise ValueError(f"bad shape {x.shape}")

class Sneaky:
    def __eq__(self, other):
        return True

def sneaky():
    return Sneaky()

def uses_keras_name(x):
    return tf.tanh(x)

len = lambda x: 42     # a builtin the student shadows
val_loss = 1.25
'''


@pytest.fixture(scope="module")
def kernels():
    from jupyter_client.manager import start_new_kernel
    exchange = tempfile.mkdtemp(prefix="rnncourse-test-exchange-")
    os.chmod(exchange, 0o777)
    old = os.environ.get("RNNCOURSE_EXCHANGE")
    os.environ["RNNCOURSE_EXCHANGE"] = exchange
    student_km, student = start_new_kernel(kernel_name="python3")
    grader_km, grader = start_new_kernel(kernel_name="python3")
    run(student, _loader([("_rnncourse_codec", "codec.py"), ("_rnncourse_student_side", "student_side.py")],
                         "_s.modules['_rnncourse_student_side'].install()"))
    run(grader, _loader([("_rnncourse_codec", "codec.py"), ("_rnncourse_grader_side", "grader_side.py")],
                        f"_s.modules['_rnncourse_grader_side'].install({student_km.connection_file!r}, {exchange!r})"))
    run(grader, "import numpy as np\nfrom rnncourse import testing as T")
    run(student, STUDENT_CODE)
    run(grader, f"_rnncourse_grader.student_source({STUDENT_CODE!r})")
    yield grader
    for km in (student_km, grader_km):
        km.shutdown_kernel(now=True)
    if old is None:
        os.environ.pop("RNNCOURSE_EXCHANGE", None)


def run(kc, code: str) -> dict:
    """Execute ``code``; return {"status", "error", "stdout"}."""
    out = {"stdout": "", "error": ""}

    def hook(msg):
        if msg["msg_type"] == "stream":
            out["stdout"] += msg["content"]["text"]
        elif msg["msg_type"] == "error":
            out["error"] = f"{msg['content']['ename']}: {msg['content']['evalue']}"
    reply = kc.execute_interactive(code, timeout=120, output_hook=hook)
    out["status"] = reply["content"]["status"]
    return out


def check(kc, code: str) -> str:
    result = run(kc, code)
    assert result["status"] == "ok", result["error"]
    return result["stdout"].strip()


def test_a_call_returns_the_result_and_writes_arguments_back(kernels):
    assert check(kernels, "x = np.ones(3)\ny = double(x)\nprint(y.tolist(), x.tolist())") == \
        "[2.0, 2.0, 2.0] [2.0, 2.0, 2.0]"
    failed = run(kernels, "T.call_not_mutating('double', double, np.ones(2))")
    assert "modified in place" in failed["error"]


def test_a_generator_advances_as_in_one_kernel(kernels):
    out = check(kernels, "r = np.random.default_rng(3)\na = [draw(r) for _ in range(3)]\n"
                         "b = T.call_many(draw, [(r,)] * 3)\n"
                         "print(a + b == np.random.default_rng(3).integers(1000, size=6).tolist())")
    assert out == "True"


def test_exceptions_keep_their_builtin_type_and_message(kernels):
    assert check(kernels, "try:\n    bad(np.zeros((2, 3)))\nexcept ValueError as e:\n    print(e)") == "bad shape (2, 3)"


def test_an_object_of_the_students_class_never_reaches_the_grader(kernels):
    failed = run(kernels, "sneaky() == 1")
    assert failed["error"].startswith("StudentError") and "Sneaky" in failed["error"]


def test_values_are_copied_and_builtins_stay_the_graders(kernels):
    assert check(kernels, "print(val_loss, len([1, 2]))") == "1.25 2"


def test_numpy_only_reads_the_students_source(kernels):
    failed = run(kernels, "T.assert_numpy_only('uses_keras_name', uses_keras_name, np.zeros(2))")
    assert "numpy only" in failed["error"] and "tf" in failed["error"]
    assert check(kernels, "print(T.assert_numpy_only('double', double, np.ones(1)).tolist())") == "[2.0]"


def test_after_the_student_kernel_restarts_the_grader_reaches_the_new_one(tmp_path, kernel_copy):
    """A fork bomb's copies of the student kernel hold its sockets after a restart: the
    grader's old client would talk to them; a reconnected one reaches the new kernel."""
    from jupyter_client.manager import KernelManager, start_new_kernel

    from grading.steps.execute import socket_files, wait_for_new_sockets
    sockets, copy_kernel = kernel_copy
    student_km = KernelManager(kernel_name="python3", transport="ipc", ip=sockets)
    student_km.start_kernel()
    grader_km, grader = start_new_kernel(kernel_name="python3")
    student_bridge = _loader([("_rnncourse_codec", "codec.py"), ("_rnncourse_student_side", "student_side.py")],
                             "_s.modules['_rnncourse_student_side'].install()")
    try:
        for round_ in (1, 2):
            student = student_km.client()
            student.start_channels()
            student.wait_for_ready(timeout=60)
            check(student, f"{student_bridge}\ndef f():\n    return {round_}")
            if round_ == 1:
                check(grader, _loader([("_rnncourse_codec", "codec.py"), ("_rnncourse_grader_side", "grader_side.py")],
                                      f"_s.modules['_rnncourse_grader_side'].install("
                                      f"{student_km.connection_file!r}, {str(tmp_path)!r})"))
                assert check(grader, "print(f())") == "1"
                check(student, copy_kernel)
                student.stop_channels()
                before = socket_files(student_km)
                student_km.restart_kernel(now=True)
                wait_for_new_sockets(before, 60)
        check(grader, "_rnncourse_grader.student.reconnect()")
        assert check(grader, "print(f())") == "2"
    finally:
        for km in (student_km, grader_km):
            km.shutdown_kernel(now=True)
