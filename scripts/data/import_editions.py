#!/usr/bin/env python3
"""
Builds data/v6/, data/v7/ and data/crosswalk/{v5-v6,v6-v7}.json from the
editions research rows (the research files are not in the repository; their
origin is described in data/README.md, "Later editions").

    python3 scripts/data/import_editions.py <research dir>

The research dir holds v6-rows-sys.json, v6-rows-plan-gov.json, v7-rows.json,
crosswalk-v5-v6.json and crosswalk-v6-v7.json. Each row's summary is our own
paraphrase (never guideline text); how it is known (`status`) becomes the
item's requirementSource basis, confidence and review note. Rows get no Teams
coverage of their own: `coverageFrom` names the 第5版 items linked by the
crosswalk (through 第6.0版 for 第7.0版), whose audited coverage the views show.
Re-running overwrites the generated files.
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
ID = re.compile(r'^(gov|plan|sys|mnt)-(\d+(?:\.\d+)*|[a-z][a-z0-9]*)(?:-(explain|manage|remedy))?-(\d+|x\d+)$')
VOLUMES = ['gov', 'plan', 'sys', 'mnt']
VOLUME_NAMES = {
    'gov': ('経営管理編', 'Governance volume'),
    'plan': ('企画管理編', 'Planning and management volume'),
    'sys': ('システム運用編', 'System operations volume'),
    'mnt': ('保守委託機関編', 'Outsourced maintenance volume'),
}
SHORT = {'gov': '経営', 'plan': '企画', 'sys': 'シス', 'mnt': '保守'}
GROUPS = {'explain': '説明', 'manage': '管理', 'remedy': '善後策'}
CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'
EDITION_NAME = {'v6': ('第6.0版', '6th edition'), 'v7': ('第7.0版', '7th edition')}


def display(rid):
    vol, chapter, group, num = ID.match(rid).groups()
    n = f'（番号未確認{num[1:]}）' if num.startswith('x') else CIRCLED[int(num) - 1]
    return f"{SHORT[vol]}{chapter}{'〈' + GROUPS[group] + '〉' if group else ''}{n}"


def long_name(rid, lang):
    vol, chapter, group, num = ID.match(rid).groups()
    ja, en = VOLUME_NAMES[vol]
    if lang == 'ja':
        n = '（番号未確認）' if num.startswith('x') else CIRCLED[int(num) - 1]
        return f'{ja} {chapter}章 {n}' if re.match(r'\d', chapter) else f'{ja}（{chapter}）{n}'
    n = '(number not seen)' if num.startswith('x') else num
    return f'{en.replace(" volume", "")} {chapter}-{n}'


def number_of(rid):
    num = ID.match(rid).group(4)
    return 1000 + int(num[1:]) if num.startswith('x') else int(num)


def first_url(source):
    m = re.search(r'https?://[^\s;,)）]+', source or '')
    return m.group(0) if m else None


def provenance(edition, status, rid):
    """(basis, confidence, detail ja/en, review ja/en) from how the row is known."""
    ed_ja, ed_en = EDITION_NAME[edition]
    name_ja, name_en = long_name(rid, 'ja'), long_name(rid, 'en')
    check_ja = f'{ed_ja}の原文（{name_ja}）で番号と文言を確認してください。'
    check_en = f'Check the number and wording in the {ed_en} itself ({name_en}).'
    if status == 'read':
        return ('v6-text', 'high', (f'{ed_ja}（最終版）の{name_ja}の本文から要約', f'Summarised from the final {ed_en} text of {name_en}'), None)
    if status == 'read-partial':
        return ('v6-text', 'medium', (f'{ed_ja}（最終版）の{name_ja}の本文（冒頭のみ確認）から要約', f'Summarised from the start of the final {ed_en} text of {name_en} (the rest not seen)'),
                (f'本文の冒頭だけを確認しています。{name_ja}の全文で、要約にない条件がないか確認してください。', f'Only the start of the text was seen. Check the full text of {name_en} for conditions the summary leaves out.'))
    if status == 'read-draft':
        return ('v6-draft', 'medium', (f'{ed_ja}の作業部会案にある{name_ja}の本文から要約', f'Summarised from a working-group draft of {name_en}'),
                (f'作業部会案で確認した文言で、最終版とは未照合です。最終版の{name_ja}で番号と文言を確認してください。', f'Read in a working-group draft, not in the final text. Check the number and wording in the final {name_en}.'))
    if status == 'secondary':
        basis = 'v7-quote' if edition == 'v7' else 'v6-quote'
        return (basis, 'medium', (f'{name_ja}を引用した二次資料（解説記事・公開リポジトリ）から要約', f'Summarised from secondary sources quoting {name_en} (articles, public repositories)'),
                (f'二次資料の引用で確認した文言で、{ed_ja}の原文とは未照合です。{check_ja}', f'Read as quoted by secondary sources, not in the {ed_en} itself. {check_en}'))
    if status == 'reported':
        return ('reported', 'low', (f'{name_ja}について説明した二次資料から要約（引用なし）', f'Summarised from secondary sources describing {name_en} (not quoting it)'),
                (f'二次資料の説明にもとづく要約で、番号も内容も{ed_ja}の原文とは未照合です。{check_ja}', f'Based on secondary sources\' description; neither the number nor the content is checked against the {ed_en}. {check_en}'))
    if edition == 'v7':
        return ('inferred', 'low', (f'第6.0版の同じ番号の項目から推定（第7.0版の原文は未確認）', 'Inferred from the 6th edition row of the same number (the 7th edition text not seen)'),
                (f'第7.0版の原文は未確認です。番号と内容は第6.0版から引き継がれたと仮定しています。{check_ja}', f'The 7th edition text was not seen; the number and content are assumed to carry over from the 6th edition. {check_en}'))
    return ('inferred', 'low', (f'他の資料の参照（チェックリストの手引き、Q&A）から推定', 'Inferred from references in other documents (the checklist manual, Q&A)'),
            (f'{ed_ja}の本文は未確認で、他の資料の参照から推定した要約です。{check_ja}', f'The {ed_en} text was not seen; the summary is inferred from references elsewhere. {check_en}'))


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(json.dumps(data, ensure_ascii=False, indent=1) + '\n')


def chapter_sort_key(chapter):
    return [int(x) for x in chapter.split('.')] if re.match(r'\d', chapter) else [-1]


# Coverage written for a row of its own (rows with no 第5版 counterpart; data/checks/<edition>/ holds
# the check record) is kept when the rows are imported again: the research does not hold it.
# A writer who read the row at its source while writing may also have corrected its title, summary and source.
OWN_COVERAGE = ('title', 'requirement', 'requirementSource', 'confidence', 'conformity', 'conformityReason', 'checkedOn', 'teams', 'documents', 'certifications', 'licensing', 'actions', 'review')


def written_coverage(edition):
    ref = os.path.join(ROOT, 'data', edition, 'reference')
    out = {}
    for f in os.listdir(ref) if os.path.isdir(ref) else []:
        for item in load(os.path.join(ref, f))['items']:
            if 'conformity' in item:
                out[item['id']] = {k: item[k] for k in OWN_COVERAGE if k in item}
    return out


def build_edition(edition, rows, coverage):
    written = written_coverage(edition)
    sections = {}
    items_by_section = {}
    for r in rows:
        rid = r['id']
        if not ID.match(rid):
            raise SystemExit(f'{edition}: {rid} is not a volumes ID')
        vol, chapter = ID.match(rid).group(1), ID.match(rid).group(2)
        sid = f'{vol}-{chapter}'
        title = r.get('chapterTitle') or {'ja': f'{chapter}章', 'en': f'Chapter {chapter}'}
        if sid not in sections:
            vja, ven = VOLUME_NAMES[vol]
            head_ja = f'{chapter}章 ' if re.match(r'\d', chapter) else ''
            head_en = f'Chapter {chapter}: ' if re.match(r'\d', chapter) else ''
            sections[sid] = {'id': sid, 'chapter': vol, 'title': {'ja': f"{head_ja}{title['ja']}", 'en': f"{head_en}{title['en']}"}}
        basis, confidence, detail, review = provenance(edition, r['status'], rid)
        source = {'basis': basis, 'detail': {'ja': detail[0], 'en': detail[1]}}
        url = first_url(r.get('source'))
        if url:
            source['url'] = url
        item = {
            'id': rid, 'section': sid, 'number': number_of(rid),
            'title': r['title'], 'requirement': r['summary'], 'topics': r['topics'] or ['general'],
            'requirementSource': source,
            'coverageFrom': coverage.get(rid, []),
            'documents': [], 'certifications': [],
            'confidence': confidence,
        }
        if review:
            item['review'] = {'ja': review[0], 'en': review[1]}
        if rid in written and not coverage.get(rid):
            del item['coverageFrom']
            item.update(written[rid])
        elif rid in written:
            raise SystemExit(f'{edition} {rid}: has coverage of its own and now also 第5版 counterparts ({coverage[rid]}): choose one')
        items_by_section.setdefault(sid, []).append(item)
    order = sorted(sections, key=lambda s: (VOLUMES.index(s.split('-')[0]), chapter_sort_key(s.split('-', 1)[1]), s))
    chapters = [{'chapter': v, 'title': {'ja': VOLUME_NAMES[v][0], 'en': VOLUME_NAMES[v][1]}} for v in VOLUMES if any(s.startswith(v + '-') for s in order)]
    out_dir = os.path.join(ROOT, 'data', edition)
    for f in os.listdir(os.path.join(out_dir, 'reference')) if os.path.isdir(os.path.join(out_dir, 'reference')) else []:
        os.remove(os.path.join(out_dir, 'reference', f))
    write(os.path.join(out_dir, 'sections.json'), {'chapters': chapters, 'sections': [sections[s] for s in order]})
    for sid in order:
        write(os.path.join(out_dir, 'reference', f'{sid}.json'), {'section': sid, 'items': items_by_section[sid]})
    return {r['id'] for r in rows}


def links(raw, from_ids, to_ids):
    out, skipped = [], []
    seen = set()
    for l in raw:
        if not l.get('to') or l['to'] not in to_ids or l['from'] not in from_ids:
            skipped.append(l)
            continue
        key = (l['from'], l['to'])
        if key in seen:
            continue
        seen.add(key)
        link = {'from': l['from'], 'to': l['to'], 'basis': l['basis']}
        if l.get('change'):
            link['change'] = l['change']
        if l.get('note'):
            link['note'] = l['note']
        out.append(link)
    return out, skipped


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    src = sys.argv[1]
    v5_ids = set()
    for f in os.listdir(os.path.join(ROOT, 'data', 'reference')):
        v5_ids |= {i['id'] for i in load(os.path.join(ROOT, 'data', 'reference', f))['items']}
    v6_rows = [r for r in load(os.path.join(src, 'v6-rows-sys.json')) + load(os.path.join(src, 'v6-rows-plan-gov.json')) if r.get('status') != 'stub']
    v7_rows = [r for r in load(os.path.join(src, 'v7-rows.json')) if r.get('status') != 'stub']
    v6_ids = {r['id'] for r in v6_rows}
    v7_ids = {r['id'] for r in v7_rows}
    cw56, skipped56 = links(load(os.path.join(src, 'crosswalk-v5-v6.json')), v5_ids, v6_ids)
    cw67, skipped67 = links(load(os.path.join(src, 'crosswalk-v6-v7.json')), v6_ids, v7_ids)
    cov6 = {}
    for l in cw56:
        cov6.setdefault(l['to'], []).append(l['from'])
    cov7 = {}
    for l in cw67:
        for v5 in cov6.get(l['from'], []):
            if v5 not in cov7.setdefault(l['to'], []):
                cov7[l['to']].append(v5)
    build_edition('v6', v6_rows, cov6)
    build_edition('v7', v7_rows, cov7)
    write(os.path.join(ROOT, 'data', 'crosswalk', 'v5-v6.json'), {'from': 'v5', 'to': 'v6', 'links': cw56})
    write(os.path.join(ROOT, 'data', 'crosswalk', 'v6-v7.json'), {'from': 'v6', 'to': 'v7', 'links': cw67})
    print(f'v6: {len(v6_rows)} rows, {sum(1 for r in v6_rows if cov6.get(r["id"]))} with 第5版 counterparts')
    print(f'v7: {len(v7_rows)} rows, {sum(1 for r in v7_rows if cov7.get(r["id"]))} with 第5版 counterparts')
    print(f'crosswalk v5→v6: {len(cw56)} links ({len(skipped56)} skipped: no item on one side, e.g. a whole-chapter reference)')
    print(f'crosswalk v6→v7: {len(cw67)} links ({len(skipped67)} skipped)')
    print(f'第5版 items with a 第6.0版 counterpart: {len({l["from"] for l in cw56})} of {len(v5_ids)}')


if __name__ == '__main__':
    main()
