#!/usr/bin/env python3
"""Merge writers' drafts (data/drafts/<X>/) into data/: new documents get the
next free numbers (duplicates by URL share one), citations are renumbered in
the documents arrays and in every text, and section files are copied to
data/reference/. Used once per drafting round; kept for the next one."""
import json, glob, re, os, sys
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
docs = json.load(open(f'{root}/data/documents.json'))
by_url = {d.get('url'): d['number'] for d in docs['documents'] if d.get('url')}
next_no = max(int(d['number']) for d in docs['documents']) + 1
mapping = {}
fix_url = {'https://learn.microsoft.com/zh-cn/powershell/module/teams/set-csteamsmessagingpolicy': 'https://learn.microsoft.com/en-us/powershell/module/teams/set-csteamsmessagingpolicy'}
drafts = sys.argv[1:] or sorted(glob.glob(f'{root}/data/drafts/*'))
for d in drafts:
    f = f'{d}/new-documents.json'
    if not os.path.exists(f): continue
    nd = json.load(open(f))
    for x in (nd['documents'] if isinstance(nd, dict) else nd):
        x['url'] = fix_url.get(x['url'], x['url'])
        if x['url'] in by_url:
            mapping[x['number']] = by_url[x['url']]; continue
        n = f'{next_no:02d}'; next_no += 1
        mapping[x['number']] = n; by_url[x['url']] = n
        x = dict(x, number=n)
        docs['documents'].append(x)
temp = re.compile(r'(?<![\d.])(8\d\d)(?![\d]|\.\d)')
def renum(s):
    return temp.sub(lambda m: mapping.get(m.group(1), m.group(1)), s)
def walk(o):
    if isinstance(o, str): return renum(o)
    if isinstance(o, list): return [walk(v) for v in o]
    if isinstance(o, dict): return {k: walk(v) for k, v in o.items()}
    return o
for d in drafts:
    for f in sorted(glob.glob(f'{d}/*.json')):
        name = os.path.basename(f)
        if name in ('new-documents.json', 'vocabulary.json'): continue
        data = json.load(open(f))
        for it in data['items']:
            for k in ('title', 'requirement', 'teams', 'licensing', 'review'):
                if k in it: it[k] = walk(it[k])
            it['actions'] = walk(it['actions'])
            it['documents'] = sorted(set(mapping.get(n, n) for n in it['documents']), key=int)
        json.dump(data, open(f'{root}/data/reference/{name}', 'w'), ensure_ascii=False, indent=1)
        open(f'{root}/data/reference/{name}', 'a').write('\n')
json.dump(docs, open(f'{root}/data/documents.json', 'w'), ensure_ascii=False, indent=1)
print('mapping', mapping)
