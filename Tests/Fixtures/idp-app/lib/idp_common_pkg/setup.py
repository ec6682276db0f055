#!/usr/bin/env python

# Copyright Amazon.com, Inc. or its affiliates. All Rights Reserved.
# SPDX-License-Identifier: MIT-0

from setuptools import find_packages, setup

# Ferry's test fixture: the extras keep their names (the functions' requirements name them) but
# not the large downloads (boto3, Pillow, PyMuPDF, textractor, numpy, pandas, pyarrow): see
# ../../NOTICE.md. The original pins are in the GenAI IDP Accelerator's lib/idp_common_pkg/setup.py.
install_requires = []

extras_require = {
    name: []
    for name in ["core", "image", "ocr", "classification", "extraction", "assessment", "evaluation",
                 "reporting", "appsync", "test", "dev", "all"]
}

setup(
    name="idp_common",
    version="0.3.4",
    packages=find_packages(
        exclude=[
            "build",
            "build.*",
            "*build",
            "*build.*",
            "*.build",
            "*.build.*",
            "**build**",
        ]
    ),
    include_package_data=True,
    python_requires=">=3.8",
    install_requires=install_requires,
    extras_require=extras_require,
)
