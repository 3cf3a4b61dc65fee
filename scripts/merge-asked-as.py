#!/usr/bin/env python3
"""Merge drafted "askedAs" phrasings (data/drafts/asked-as/*.json, one object
{ "<item id>": { "ja": [...], "en": [...] } } per writer) into the items of
data/reference/, placed after "topics". Phrasings listed in REMOVE are
dropped (misfiled: another item answers them). Re-running replaces what a
previous run merged.

data/drafts/ is not kept in the repository (.gitignore): once merged, the
items in data/reference/ are the source of truth and are edited directly.
This script is kept for the next drafting round."""
import json, glob, os
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
drafts = {}
for f in sorted(glob.glob(f'{root}/data/drafts/asked-as/*.json')):
    drafts.update(json.load(open(f, encoding='utf-8')))
# Reviewed out: data residency is 8.1.2-C-3, not a maintenance company taking data off-site.
REMOVE = {
    '6.8-C-7': {'Teamsのデータって日本国内に保存されてる？', 'データの場所 組織プロファイル 日本 確認', 'is our teams data stored in japan'},
}
seen = set()
for path in sorted(glob.glob(f'{root}/data/reference/*.json')):
    data = json.load(open(path, encoding='utf-8'))
    for i, item in enumerate(data['items']):
        phr = drafts.get(item['id'])
        if not phr:
            continue
        seen.add(item['id'])
        asked = {lang: [p.strip() for p in phr[lang] if p.strip() not in REMOVE.get(item['id'], set())] for lang in ('ja', 'en')}
        out = {}
        for k, v in item.items():
            if k == 'askedAs':
                continue
            out[k] = v
            if k == 'topics':
                out['askedAs'] = asked
        data['items'][i] = out
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write(json.dumps(data, ensure_ascii=False, indent=1) + '\n')
missing = set(drafts) - seen
print(f'merged phrasings for {len(seen)} items' + (f'; unknown ids: {sorted(missing)}' if missing else ''))
