#!/usr/bin/env bash
# Regenerates src/transport/protocol/generated/frames.ts from frames.proto (dev time only; the
# output is committed). Uses the system protoc (Debian: apt-get install -y protobuf-compiler)
# and the protobuf-ts plugin from node_modules, never a downloaded protoc. optimize_code_size
# emits reflection-only classes: no method overrides, so noImplicitOverride holds without edits.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../../.." && pwd)"
out="$here/../src/transport/protocol/generated"
mkdir -p "$out"
/usr/bin/protoc \
  --plugin=protoc-gen-ts="$root/node_modules/.bin/protoc-gen-ts" \
  --ts_out="$out" \
  --ts_opt=long_type_bigint,output_typescript,eslint_disable,optimize_code_size \
  --proto_path="$here" \
  "$here/frames.proto"
