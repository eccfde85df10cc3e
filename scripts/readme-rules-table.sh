#!/bin/bash
# Writes README.md's rules table from the one rule definition (zjlearn.rules.Rule and its bundle texts) and the
# built-in rules.yaml: `zjlearn rules list --markdown`, put between the two marker lines. ReadmeRulesTableTest fails
# when the README's table differs from this output, and says to run this script.
set -euo pipefail
cd "$(dirname "$0")/.."
table=$(mktemp)
trap 'rm -f "$table" README.md.new' EXIT
bin/zjlearn rules list --markdown > "$table"
awk -v table="$table" '
  /^<!-- rules-table:begin/ { print; while ((getline line < table) > 0) print line; skip = 1; next }
  /^<!-- rules-table:end/ { skip = 0 }
  !skip { print }
' README.md > README.md.new
grep -q '^<!-- rules-table:begin' README.md.new || { echo "README.md has no <!-- rules-table:begin --> marker" >&2; exit 1; }
mv README.md.new README.md
echo "README.md: rules table written ($(grep -c '^| `' "$table") rules)"
