"""What the demo's training scripts share: the repo paths and the two files each one writes,
its weights (web-demo/models/<name>.safetensors) and the golden data the demo test replays
(tests/golden/data/<name>.json)."""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, 'tests', 'golden'))
from cases_safetensors import write_safetensors  # noqa: E402


def save_weights(model, name, metadata):
    """model.state_dict() -> web-demo/models/<name>.safetensors, with string metadata."""
    path = os.path.join(REPO, 'web-demo', 'models', f'{name}.safetensors')
    write_safetensors(path, list(model.state_dict().items()), metadata)
    print(f'wrote {os.path.relpath(path, REPO)} ({os.path.getsize(path)} bytes)')


def save_golden(name, payload, indent=None):
    """payload (JSON) -> tests/golden/data/<name>.json."""
    path = os.path.join(REPO, 'tests', 'golden', 'data', f'{name}.json')
    with open(path, 'w') as f:
        json.dump(payload, f, indent=indent)
        f.write('\n')
    print(f'wrote {os.path.relpath(path, REPO)}')
