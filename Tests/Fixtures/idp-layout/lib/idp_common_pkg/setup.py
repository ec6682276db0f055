# Trimmed (see ../../NOTICE.md): the shared library, installed with extras by each function.
from setuptools import setup

setup(
    name="idp_common",
    version="0.3.4",
    packages=["idp_common"],
    extras_require={"ocr": [], "appsync": []},
)
