# Huge rosters: many offices, one office with many holders; a FIFO.
python3 - <<'PY'
T = '    title: {km: ក, en: "Office"}\n'
with open("many-offices.roster.yaml", "w", encoding="utf-8") as f:
    f.write(open("good.roster.yaml", encoding="utf-8").read())
    for i in range(3000):
        f.write(f"  x/office-{i}:\n{T}    holders:\n      - {{name: {{km: ក, en: H{i}}}, from: 2020-01-01}}\n")
with open("too-many-offices.roster.yaml", "w", encoding="utf-8") as f:
    f.write(open("good.roster.yaml", encoding="utf-8").read())
    for i in range(20000):
        f.write(f"  x/office-{i}:\n{T}    holders:\n      - {{name: {{km: ក, en: H{i}}}, from: 2020-01-01}}\n")
with open("many-holders.roster.yaml", "w", encoding="utf-8") as f:
    f.write("offices:\n  moi/secretary-of-state:\n" + T + "    holders:\n")
    for i in range(5000):
        y, d = 1900 + i // 300, i % 300
        f.write(f"      - {{name: {{km: ក, en: H{i}}}, from: {y:04d}-{1 + d // 28:02d}-{1 + d % 28:02d}}}\n")
PY
mkfifo fifo.roster.yaml
mkdir folder.roster.yaml
