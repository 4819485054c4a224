// The supervisors' dashboard: live escalations and breaches across departments, open, overdue and reopened work, the
// callback rate and satisfaction against their targets, claims by stage, the trend per day and per department, and
// the monthly reception report with its XLSX download (seed 000 §4.11, seed 002, seed 003 §监控指标).
import * as echarts from '/webjars/echarts/5.3.1/dist/echarts.esm.min.js';
import { api, currentMall, download, mallPath, newestCalls, query } from '../api.js';
import { announce, clear, h, toast } from '../dom.js';
import { codes, label } from '../i18n.js';
import { openStream } from '../sse.js';
import { formatTime, localDate, localMonth } from '../time.js';

const FEED_EVENTS = ['work-order.escalated', 'work-order.sla-breached', 'callback.escalated', 'callback.unreachable'];

export function render(main) {
  const figures = h('div', { class: 'figures', id: 'figures', 'aria-live': 'polite' });
  const feed = h('ol', { class: 'feed', id: 'live-feed', 'aria-label': '升级与超时 Escalations and breaches' });
  const liveState = h('span', { class: 'live-state', role: 'status' }, '连接中 Connecting');
  const trend = h('div', { class: 'chart', id: 'chart-trend', role: 'img', 'aria-label': '每日受理趋势 Requests per day' });
  const byDepartment = h('div', { class: 'chart', id: 'chart-departments', role: 'img', 'aria-label': '各部门工单 Work per department' });
  const claims = h('div', { id: 'claims-by-stage' });
  const month = h('input', { type: 'month', id: 'report-month', value: localMonth() });
  const report = h('div', { id: 'monthly-report' });
  const refreshButton = h('button', { type: 'button', class: 'secondary', id: 'refresh-dashboard', onclick: () => refresh() },
    '刷新 Refresh');
  main.append(
    h('div', { class: 'status-line' }, h('h1', { tabindex: '-1' }, '主管看板 Supervisor dashboard'), refreshButton),
    h('section', { 'aria-labelledby': 'figures-title' }, h('h2', { id: 'figures-title' }, '本月指标 This month'), figures),
    h('div', { class: 'grid' },
      h('section', { class: 'card', 'aria-labelledby': 'feed-title' },
        h('div', { class: 'status-line' }, h('h2', { id: 'feed-title' }, '实时升级与超时 Live escalations and breaches'), liveState),
        feed),
      h('section', { class: 'card', 'aria-labelledby': 'claims-title' }, h('h2', { id: 'claims-title' }, '理赔阶段 Claims by stage'), claims)),
    h('section', { class: 'card', 'aria-labelledby': 'trend-title' }, h('h2', { id: 'trend-title' }, '近14天每日受理 Requests per day, last 14 days'), trend),
    h('section', { class: 'card', 'aria-labelledby': 'dept-title' }, h('h2', { id: 'dept-title' }, '各部门 Per department'), byDepartment),
    h('section', { class: 'card', 'aria-labelledby': 'report-title' },
      h('h2', { id: 'report-title' }, '客服接待月报表 Monthly reception report'),
      h('div', { class: 'row' }, h('label', { for: 'report-month' }, '月份 Month '), month,
        h('button', { type: 'button', id: 'download-xlsx', onclick: async () => {
          try {
            const name = await download('survey', mallPath('reports/monthly' + query({ month: month.value })),
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', `monthly-report-${month.value}.xlsx`);
            toast(`已下载 Downloaded ${name}`);
          } catch (e) { toast(e.problem?.title || e.message); }
        } }, '下载 XLSX Download')),
      report));
  // Each part reloads on a timer, on events, on the button and (the report) on the month: the newest answer is drawn.
  const calls = { figures: newestCalls(), claims: newestCalls(), report: newestCalls() };
  month.addEventListener('change', () => loadReport(report, month.value, calls.report));

  const charts = [echarts.init(trend), echarts.init(byDepartment)];
  const resize = () => charts.forEach(c => c.resize());
  window.addEventListener('resize', resize);

  let pending = null;
  const refresh = () => Promise.all([loadFigures(figures, charts[1], calls.figures), loadClaims(claims, calls.claims),
    loadReport(report, month.value, calls.report)]);
  const soon = () => { clearTimeout(pending); pending = setTimeout(refresh, 1500); };
  refresh();
  loadTrend(charts[0]);
  const key = `msd.lastEvent.${currentMall()}.mall`;
  const stream = openStream(`/console-api/dispatch/${mallPath('stream')}`, {
    lastEventId: sessionStorage.getItem(key),
    onState: s => {
      liveState.className = `live-state ${s}`;
      liveState.textContent = { connecting: '连接中 Connecting', live: '实时 Live', reconnecting: '重新连接中 Reconnecting',
        'signed-out': '已退出 Signed out' }[s];
    },
    onEvent: ({ event, id, data }) => {
      if (id) sessionStorage.setItem(key, id);
      soon();
      if (!FEED_EVENTS.includes(event)) return;
      const m = JSON.parse(data);
      const text = `${label('consoleEvent', event)} · ${m.data?.requestNumber || m.workOrderId || m.requestId || ''}`;
      feed.prepend(h('li', { class: 'is-escalated' }, h('strong', {}, text), ' ',
        h('span', { class: 'muted' }, formatTime(m.occurredAt)), ' ',
        (m.departments || []).map(d => label('department', d)).join('、'),
        m.toRole ? ` → ${label('role', m.toRole)}` : '', m.data?.rule ? ` · ${label('rule', m.data.rule)}` : ''));
      while (feed.children.length > 50) feed.lastChild.remove();
      announce(text);
    },
  });
  const timer = setInterval(refresh, 20000);
  return () => {
    stream.close();
    clearInterval(timer);
    clearTimeout(pending);
    window.removeEventListener('resize', resize);
    charts.forEach(c => c.dispose());
  };
}

function percent(rate, scale = 100) {
  return rate === null || rate === undefined ? '—' : `${(rate * scale).toFixed(1)}%`;
}

function figure(id, title, value, target, rate, targetRate, met) {
  let meter = null;
  if (rate !== undefined) {
    const bar = h('span');
    bar.style.width = `${Math.round(Math.min(1, rate || 0) * 100)}%`;
    const mark = targetRate ? h('i', { title: '目标 Target' }) : null;
    if (mark) mark.style.left = `${Math.round(targetRate * 100)}%`;
    meter = h('div', { class: 'meter', 'aria-hidden': 'true' }, bar, mark);
  }
  return h('div', { class: 'figure', id },
    h('div', {}, title), h('div', { class: 'value' }, value),
    target ? h('div', { class: 'target' }, target, met === true ? h('span', { class: 'badge ok' }, ' 达标 Met')
      : met === false ? h('span', { class: 'badge bad' }, ' 未达标 Below target') : null) : null,
    meter);
}

async function loadFigures(box, departmentChart, calls) {
  const isNewest = calls();
  const [stats, report] = await Promise.all([
    api('callback', mallPath('callbacks/stats')).catch(() => null),
    api('survey', mallPath('reports/monthly')).catch(() => null),
  ]);
  if (!isNewest()) return;
  const f = stats?.figures;
  const cards = [];
  if (f) {
    cards.push(figure('figure-callback-rate', '回访率 Callback rate', percent(f.callbackRate),
      `目标 Target ${percent(f.targets?.callbackRate)}`, f.callbackRate, f.targets?.callbackRate, f.callbackRateMet));
    cards.push(figure('figure-satisfaction', '回访满意率 Satisfaction', percent(f.satisfactionRate),
      `目标 Target ${percent(f.targets?.satisfactionRate)}`, f.satisfactionRate, f.targets?.satisfactionRate, f.satisfactionRateMet));
    cards.push(figure('figure-callbacks-done', '已回访 Callbacks done', `${f.callbacksDone} / ${f.completionsNeedingCallback}`,
      `联系不上 Unreachable ${f.unreachable} · 逾期 Overdue ${f.overdue}`));
  }
  if (report) {
    const open = report.openItems || {};
    cards.push(figure('figure-open', '未完成工单 Open work orders', open.workOrdersNow ?? '—', `未结需求 Open requests ${open.requestsNow ?? '—'}`));
    cards.push(figure('figure-overdue', '逾时工单 Overdue work orders', open.overdueWorkOrdersNow ?? '—',
      `本月超时 Breaches this month ${report.serviceLevels?.breaches ?? 0}`));
    cards.push(figure('figure-reopened', '返工 Reopened', report.workTime?.reopened ?? 0,
      `本月完成 Completed this month ${report.workTime?.completed ?? 0}`));
    cards.push(figure('figure-requests', '本月受理 Requests this month', report.requests?.total ?? 0,
      `上月 Last month ${report.requests?.previousMonthTotal ?? 0}`));
    departmentChart.setOption(departmentOption(report));
  }
  clear(box, cards);
}

function departmentOption(report) {
  const open = report.openItems?.byDepartmentNow || {};
  const done = report.workTime?.byDepartment || {};
  const breaches = report.serviceLevels?.byDepartment || {};
  const departments = [...new Set([...Object.keys(open), ...Object.keys(done), ...Object.keys(breaches)])].sort();
  return {
    tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 40, right: 20, bottom: 60 },
    xAxis: { type: 'category', data: departments.map(d => label('department', d)), axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '未完成 Open', type: 'bar', data: departments.map(d => open[d]?.open || 0) },
      { name: '逾时 Overdue', type: 'bar', data: departments.map(d => open[d]?.overdue || 0) },
      { name: '本月完成 Completed', type: 'bar', data: departments.map(d => done[d]?.completed || 0) },
      { name: '本月超时 Breaches', type: 'bar', data: departments.map(d => breaches[d] || 0) },
    ],
  };
}

async function loadTrend(chart) {
  const days = [];
  for (let i = 13; i >= 0; i--) days.push(localDate(new Date(Date.now() - i * 86400000)));
  const summaries = [];
  for (let i = 0; i < days.length; i += 4) {
    summaries.push(...await Promise.all(days.slice(i, i + 4).map(date =>
      api('survey', mallPath('reports/daily' + query({ date }))).catch(() => null))));
  }
  const value = (s, group) => s?.[group]?.received || 0;
  chart.setOption({
    tooltip: { trigger: 'axis' }, legend: {}, grid: { left: 40, right: 20, bottom: 40 },
    xAxis: { type: 'category', data: days.map(d => d.slice(5)) }, yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '报修 Repairs', type: 'bar', stack: 'requests', data: summaries.map(s => value(s, 'repairs')) },
      { name: '投诉 Complaints', type: 'bar', stack: 'requests', data: summaries.map(s => value(s, 'complaints')) },
      { name: '其他 Others', type: 'bar', stack: 'requests', data: summaries.map(s => value(s, 'others')) },
      { name: '超时 Breaches', type: 'line', data: summaries.map(s => s?.slaBreaches || 0) },
    ],
  });
}

// Open claims per stage: one read of the claims service's stage counters (moved with every change of a claim), never a
// claims list per stage, so the 20-second refresh costs a few small documents however many claims the mall keeps.
async function loadClaims(box, calls) {
  const isNewest = calls();
  const stages = codes('claimStage').filter(s => s !== 'ARCHIVED');
  const counts = await api('claims', mallPath('claims/stage-counts')).then(answer => answer.stages).catch(() => null);
  if (!isNewest()) return;
  clear(box, h('table', {}, h('tbody', {}, stages.map(stage => h('tr', {},
    h('th', { scope: 'row' }, h('a', { href: `#/claims/${stage}` }, label('claimStage', stage))),
    h('td', { class: 'clock' }, counts?.[stage] ?? '—'))))));
}

async function loadReport(box, month, calls) {
  const isNewest = calls();
  try {
    const r = await api('survey', mallPath('reports/monthly' + query({ month })));
    if (!isNewest()) return;
    const c = r.callbacks || {};
    clear(box,
      h('table', { class: 'responsive' }, h('tbody', {},
        [['受理 Requests', r.requests?.total], ['投诉 Complaints', r.complaints?.received],
          ['投诉处理及时率 Complaint timeliness', r.complaints?.timelinessRate === null ? '—' : `${r.complaints?.timelinessRate}%`],
          ['超时 Breaches', r.serviceLevels?.breaches], ['升级 Escalations', r.serviceLevels?.escalations],
          ['完成工单 Completed', r.workTime?.completed],
          ['平均工时 Average work time', r.workTime?.averageMinutes === null || r.workTime?.averageMinutes === undefined ? '—'
            : `${Math.round(r.workTime.averageMinutes)} 分钟 min`],
          ['回访率 Callback rate', c.callbackRate === null || c.callbackRate === undefined ? '—' : `${c.callbackRate}% (目标 target ${c.callbackRateTarget}%)`],
          ['回访满意率 Satisfaction', c.satisfactionRate === null || c.satisfactionRate === undefined ? '—' : `${c.satisfactionRate}% (目标 target ${c.satisfactionTarget}%)`],
          ['理赔 Claims opened / open', `${r.claims?.opened ?? 0} / ${r.claims?.openNow ?? 0}`]]
          .map(([k, v]) => h('tr', {}, h('th', { scope: 'row' }, k), h('td', {}, v ?? '—'))))),
      h('h3', {}, '文字分析 Analysis'),
      h('div', { lang: 'zh-Hans' }, (r.analysis || []).map(p => h('p', {}, p))),
      h('p', { class: 'muted' }, `生成于 Generated ${formatTime(r.generatedAt)}`));
  } catch (e) {
    if (isNewest()) clear(box, h('p', { class: 'problem' }, e.problem?.title || e.message));
  }
}
