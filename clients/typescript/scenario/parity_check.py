"""Compare the TypeScript wire layer's XML (stdin, from dist/scenario/parity.js) with hpcpack's."""

import json
import sys

from hpcpack import xmlcodec

failed = 0
for root, data, ts_xml in json.load(sys.stdin):
    py_xml = xmlcodec.encode(root, data).decode("utf-8")
    if py_xml != ts_xml:
        failed += 1
        print(f"{root}: TypeScript {ts_xml!r}\n{' ' * len(root)}  Python     {py_xml!r}")
print(f"codec parity: {failed} of the bodies differ from the Python client's")
sys.exit(1 if failed else 0)
