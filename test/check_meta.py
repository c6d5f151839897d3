#!/usr/bin/env python3
"""Check META.json against the PGXN Meta Spec 1.0.0 (the keys it requires and
the values it allows; pgxn's own validator is not packaged for Debian) and
against the extension: its version must be the control file's
default_version, and the files it names must exist.

usage: check_meta.py [TOP]   (the repository's top directory; default .)
"""
import json
import os
import re
import sys

LICENSES = {"agpl_3", "apache_1_1", "apache_2_0", "artistic_1", "artistic_2", "bsd", "freebsd",
            "gfdl_1_2", "gfdl_1_3", "gpl_1", "gpl_2", "gpl_3", "lgpl_2_1", "lgpl_3_0", "mit",
            "mozilla_1_0", "mozilla_1_1", "openssl", "perl_5", "postgresql", "qpl_1_0",
            "ssleay", "sun", "zlib", "open_source", "restricted", "unrestricted", "unknown"}
SEMVER = re.compile(r"^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$")


def main():
    top = sys.argv[1] if len(sys.argv) > 1 else "."
    errors = []
    with open(os.path.join(top, "META.json"), encoding="utf-8") as f:
        meta = json.load(f)
    with open(os.path.join(top, "innovation.control"), encoding="utf-8") as f:
        control = f.read()
    m = re.search(r"^default_version\s*=\s*'([^']+)'", control, re.M)
    default_version = m.group(1) if m else None

    for key in ("name", "abstract", "maintainer", "license", "provides", "meta-spec", "version"):
        if key not in meta:
            errors.append(f"required key {key!r} is missing")
    if meta.get("meta-spec", {}).get("version") != "1.0.0":
        errors.append("meta-spec version is not 1.0.0")
    if meta.get("name") != "innovation":
        errors.append(f"name is {meta.get('name')!r}, not the extension's")
    if not SEMVER.match(str(meta.get("version", ""))):
        errors.append(f"version {meta.get('version')!r} is not a semantic version")
    if meta.get("version") != default_version:
        errors.append(f"version {meta.get('version')!r} is not innovation.control's "
                      f"default_version {default_version!r}")
    if meta.get("release_status", "stable") not in ("stable", "testing", "unstable"):
        errors.append(f"release_status {meta.get('release_status')!r} is not allowed")
    licenses = meta.get("license")
    for lic in ([licenses] if isinstance(licenses, str) else licenses or []):
        if isinstance(lic, str) and lic not in LICENSES:
            errors.append(f"license {lic!r} is not one the spec names")
    if not isinstance(meta.get("maintainer"), (str, list)) or not meta.get("maintainer"):
        errors.append("maintainer is empty")
    ext = meta.get("provides", {}).get("innovation")
    if not ext:
        errors.append("provides has no entry for innovation")
    else:
        if ext.get("version") != default_version:
            errors.append(f"provides.innovation.version {ext.get('version')!r} is not "
                          f"default_version {default_version!r}")
        for key in ("file", "docfile"):
            if key in ext and not os.path.exists(os.path.join(top, ext[key])):
                errors.append(f"provides.innovation.{key} {ext[key]!r} does not exist")
        if "file" not in ext:
            errors.append("provides.innovation has no file")
    for e in errors:
        print(f"META.json: {e}")
    print(f"check_meta: {len(errors)} problems")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
