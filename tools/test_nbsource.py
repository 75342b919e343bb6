import nbformat
import pytest

from nbsource import build, dump

OUTLINE = '''# %% [markdown]
# # Title
#
# Some *prose*.
# %% locked id=setup
import numpy as np
# %% answer id=f
def f(x):
    ### BEGIN SOLUTION
    return x
    ### END SOLUTION
# %% test id=test_f_identity points=2
assert f(1) == 1
# %%
print("demo")
'''


def test_build_sets_nbgrader_roles_and_stable_ids():
    nb = nbformat.from_dict(build(OUTLINE))
    nbformat.validate(nb)
    roles = [c.metadata.get("nbgrader", {}) for c in nb.cells]
    assert [c.id for c in nb.cells] == ["title", "setup", "f", "test_f_identity", "print-demo"]
    assert roles[1]["locked"] and not roles[1]["grade"]
    assert roles[2]["solution"] and not roles[2]["locked"]
    assert roles[3]["grade"] and roles[3]["points"] == 2
    assert nb.cells[0].source == "# Title\n\nSome *prose*."


def test_dump_then_build_round_trips():
    nb = build(OUTLINE)
    again = build(dump(nbformat.from_dict(nb)))
    assert [(c["id"], c["source"], c["metadata"]) for c in again["cells"]] == \
           [(c["id"], c["source"], c["metadata"]) for c in nb["cells"]]


def test_graded_cells_need_an_id():
    with pytest.raises(ValueError, match="needs id"):
        build("# %% answer\nx = 1\n")


def test_unknown_role_is_rejected():
    with pytest.raises(ValueError, match="unknown cell role"):
        build("# %% solution id=x\nx = 1\n")
