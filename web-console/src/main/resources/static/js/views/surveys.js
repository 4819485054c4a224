// Half-yearly satisfaction survey campaigns and their results (seed 000 §顾客满意度调查规程).
import { has } from '../app.js';
import { api, download, mallPath, newestCalls } from '../api.js';
import { clear, dialogForm, field, h, toast } from '../dom.js';
import { label } from '../i18n.js';
import { formatTime } from '../time.js';

export async function render(main, [id]) {
  if (id) return campaign(main, id);
  const list = h('div', { id: 'survey-list' });
  const begin = newestCalls();
  const load = async () => {
    const isNewest = begin();
    const campaigns = await api('survey', mallPath('surveys'));
    if (!isNewest()) return;
    const items = campaigns.items || campaigns;
    clear(list, items.length ? h('div', { class: 'table-wrap' }, h('table', { class: 'responsive' },
      h('thead', {}, h('tr', {}, ['调查 Campaign', '期间 Period', '状态 Status', '截止 Closes'].map(t => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, items.map(c => h('tr', {},
        h('td', { 'data-label': '调查 Campaign' }, h('a', { href: `#/surveys/${c.id}` }, c.id)),
        h('td', { 'data-label': '期间 Period' }, c.period),
        h('td', { 'data-label': '状态 Status' }, c.status === 'OPEN' ? '进行中 Open' : '已结束 Closed'),
        h('td', { 'data-label': '截止 Closes' }, formatTime(c.closesAt)))))))
      : h('p', { class: 'notice' }, '还没有调查。No campaigns yet.'));
  };
  main.append(h('div', { class: 'status-line' }, h('h1', { tabindex: '-1' }, '满意度调查 Satisfaction surveys'),
    has('SUPERVISOR', 'MANAGER') ? h('button', { type: 'button', onclick: () => dialogForm({
      title: '发起调查 Open a campaign', submitLabel: '发起 Open',
      fields: [field({ label: '半年度 Half-year', name: 'period', required: true, value: defaultPeriod(), hint: '2026-H2' }),
        field({ label: '随机抽样专柜数 Sampled counters', name: 'sampleSize', type: 'number', value: '10', attrs: { min: 0, max: 1000 } })],
      submit: async v => {
        await api('survey', mallPath('surveys'), { method: 'POST', body: { period: v.period, sampleSize: Number(v.sampleSize || 0) } });
        toast('已发起 Opened');
        load();
      },
    }) }, '发起调查 Open a campaign') : null), list);
  await load().catch(e => clear(list, h('p', { class: 'problem' }, e.problem?.title || e.message)));
  return null;
}

function defaultPeriod() {
  const now = new Date();
  return `${now.getFullYear()}-H${now.getMonth() < 6 ? 1 : 2}`;
}

async function campaign(main, id) {
  const path = rest => mallPath(`surveys/${encodeURIComponent(id)}${rest}`);
  try {
    const c = await api('survey', path(''));
    const results = has('SUPERVISOR', 'MANAGER') ? await api('survey', path('/results')).catch(() => null) : null;
    clear(main, h('h1', { tabindex: '-1' }, `满意度调查 Survey ${c.period}`),
      h('section', { class: 'card' },
        h('p', {}, `${c.status === 'OPEN' ? '进行中 Open' : '已结束 Closed'} · 截止 Closes ${formatTime(c.closesAt)}`),
        (c.forms || []).map(f => h('div', {}, h('h2', {}, `表 Form ${f.code}`),
          h('p', { class: 'muted' }, `样本 Sample: ${f.respondents?.length || 0} · 已答 Answered: ${(f.respondents || []).filter(r => r.answered || r.respondedAt).length}`),
          h('ul', {}, (f.items || []).map(i => h('li', {}, `${i.title} (${i.code})${i.department ? ' · ' + label('department', i.department) : ''}`))))),
        has('SUPERVISOR', 'MANAGER') ? h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'secondary', onclick: () => download('survey', path('/evaluation'), 'application/pdf',
            `evaluation-${id}.pdf`).catch(e => toast(e.problem?.title || e.message)) }, '评估报告 PDF Evaluation report'),
          c.status === 'OPEN' ? h('button', { type: 'button', class: 'danger', onclick: async () => {
            await api('survey', path('/close'), { method: 'POST' });
            toast('已结束 Closed');
            campaign(main, id);
          } }, '结束调查 Close campaign') : null) : null),
      results ? h('section', { class: 'card', 'aria-labelledby': 'results-title' },
        h('h2', { id: 'results-title' }, '结果 Results'),
        h('p', {}, `总体满意度 Overall ${results.overall ?? '—'}% · 目标 Target ${results.target}% · 回收率 Response rate ${results.responseRate ?? '—'}% (${results.responded}/${results.sampled})`),
        (results.forms || []).map(f => h('div', { class: 'table-wrap' }, h('h3', {}, `表 Form ${f.form}: ${f.satisfaction ?? '—'}%`),
          h('table', { class: 'responsive' }, h('thead', {}, h('tr', {}, ['项目 Item', '答卷 Responses', '满意度 Satisfaction', ''].map(t => h('th', { scope: 'col' }, t)))),
            h('tbody', {}, (f.items || []).map(i => h('tr', {},
              h('td', { 'data-label': '项目 Item' }, i.title || i.code),
              h('td', { 'data-label': '答卷 Responses' }, i.responses),
              h('td', { 'data-label': '满意度 Satisfaction' }, i.satisfaction === null ? '—' : `${i.satisfaction}%`),
              h('td', {}, i.belowTarget ? h('span', { class: 'badge bad' }, '低于目标 Below target') : h('span', { class: 'badge ok' }, '达标 Met')))))))))
        : null);
  } catch (e) {
    clear(main, h('p', { class: 'problem', role: 'alert' }, e.problem?.title || e.message));
  }
  return null;
}
