// The console's shell: who is signed in, which mall, the menu for their roles, and the views behind it.
import { api, configure } from './api.js';
import { clear, h } from './dom.js';
import { label } from './i18n.js';
import { countdown, currentZone, setZone } from './time.js';

const ROUTES = [
  { path: 'register', title: '登记 Register', roles: ['FRONT_DESK', 'SUPERVISOR'], view: () => import('./views/register.js') },
  { path: 'messages', title: '线上留言 Online messages', roles: ['FRONT_DESK', 'SUPERVISOR'], view: () => import('./views/messages.js') },
  { path: 'requests', title: '查询 Requests', roles: ['FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF'], view: () => import('./views/requests.js') },
  { path: 'request', title: '需求 Request', hidden: true, roles: ['FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF'], view: () => import('./views/request.js') },
  { path: 'callbacks', title: '回访 Callbacks', roles: ['FRONT_DESK', 'SUPERVISOR', 'MANAGER'], view: () => import('./views/callbacks.js') },
  { path: 'department', title: '部门工单 Department console', roles: ['DEPT_STAFF', 'SUPERVISOR', 'MANAGER'], view: () => import('./views/department.js') },
  { path: 'dashboard', title: '主管看板 Dashboard', roles: ['SUPERVISOR', 'MANAGER'], view: () => import('./views/dashboard.js') },
  { path: 'tenants', title: '商户 Tenants', roles: ['FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF'], view: () => import('./views/tenants.js') },
  { path: 'notices', title: '通知 Notices', roles: ['FRONT_DESK', 'SUPERVISOR', 'MANAGER', 'DEPT_STAFF'], view: () => import('./views/notices.js') },
  { path: 'claims', title: '理赔 Claims', roles: ['FRONT_DESK', 'SUPERVISOR', 'MANAGER'], view: () => import('./views/claims.js') },
  { path: 'surveys', title: '满意度调查 Surveys', roles: ['FRONT_DESK', 'SUPERVISOR', 'MANAGER'], view: () => import('./views/surveys.js') },
];

const session = { me: null, cleanup: null };

export function me() { return session.me; }
export function has(...roles) { return roles.some(r => session.me?.user.roles.includes(r)); }

function signedOut() {
  if (!session.me) return;
  session.me = null;
  session.cleanup?.();
  showSignIn('您的会话已结束，请重新登录。Your session has ended: please sign in again.');
}

async function start() {
  const response = await fetch('/console/me', { credentials: 'same-origin', cache: 'no-store' });
  if (response.status !== 200) {
    showSignIn(new URLSearchParams(location.search).has('signInFailed')
      ? '登录失败，请重试。Signing in failed: please try again.' : null);
    return;
  }
  session.me = await response.json();
  const user = session.me.user;
  const stored = localStorage.getItem('msd.mall');
  const mall = user.malls.includes(stored) ? stored : user.malls[0];
  configure({ csrf: session.me.csrfToken, mall, onSignedOut: signedOut });
  setUpHeader(user, mall);
  await loadZone(mall);
  window.addEventListener('hashchange', route);
  // Expiry of the session: sign-in page the moment the token runs out.
  const left = new Date(session.me.expiresAt).getTime() - Date.now();
  setTimeout(signedOut, Math.max(0, Math.min(left, 2 ** 31 - 1)));
  route();
}

function setUpHeader(user, mall) {
  document.getElementById('session').hidden = false;
  document.getElementById('nav').hidden = false;
  const picker = document.getElementById('mall-picker');
  clear(picker, user.malls.map(m => h('option', { value: m, selected: m === mall }, m)));
  picker.onchange = async () => {
    localStorage.setItem('msd.mall', picker.value);
    configure({ mall: picker.value });
    await loadZone(picker.value);
    route();
  };
  const roles = user.roles.map(r => label('role', r)).join('、');
  document.getElementById('user-label').textContent =
    `${user.name || user.id} · ${roles}${user.department ? ' · ' + label('department', user.department) : ''}`;
  const lang = document.getElementById('lang-picker');
  lang.value = localStorage.getItem('msd.lang') || 'zh';
  lang.onchange = () => { localStorage.setItem('msd.lang', lang.value); configure({ lang: lang.value }); };
  document.getElementById('sign-out').onclick = async () => {
    await fetch('/console/sign-out', { method: 'POST', headers: { 'X-CSRF-Token': session.me.csrfToken },
      credentials: 'same-origin' });
    location.replace('/');
  };
  const nav = document.getElementById('nav');
  clear(nav, ROUTES.filter(r => !r.hidden && has(...r.roles))
    .map(r => h('a', { href: `#/${r.path}`, dataset: { path: r.path } }, r.title)));
}

/** The mall's zone: intake's settings where the role may read them, else the department's calendar, else Shanghai. */
async function loadZone(mall) {
  let zone = null;
  try {
    if (has('FRONT_DESK', 'SUPERVISOR', 'MANAGER')) {
      zone = (await api('intake', `malls/${encodeURIComponent(mall)}/settings`)).timeZone;
    } else if (session.me.user.department) {
      zone = (await api('dispatch', `malls/${encodeURIComponent(mall)}/departments/${session.me.user.department}`))
        .calendar?.zone;
    }
  } catch (e) {
    zone = null;
  }
  setZone(zone || 'Asia/Shanghai');
  document.getElementById('zone-label').textContent = `时区 Zone: ${currentZone()}`;
}

function defaultRoute() {
  if (has('FRONT_DESK')) return 'register';
  if (has('SUPERVISOR', 'MANAGER')) return 'dashboard';
  if (has('DEPT_STAFF')) return 'department';
  return 'requests';
}

async function route() {
  if (!session.me) return;
  const [path, ...params] = location.hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  const target = ROUTES.find(r => r.path === path && has(...r.roles));
  if (!target) {
    location.replace(`#/${defaultRoute()}`);
    return;
  }
  session.cleanup?.();
  session.cleanup = null;
  document.querySelectorAll('#nav a').forEach(a => {
    const current = a.dataset.path === path || (path === 'request' && a.dataset.path === 'requests');
    if (current) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
  });
  const main = document.getElementById('view');
  clear(main, h('p', { class: 'muted' }, '加载中… Loading…'));
  const module = await target.view();
  clear(main);
  document.title = `${target.title} · 商场客服台 Mall Service Desk`;
  session.cleanup = await module.render(main, params) || null;
  // Focus moves to the new view, so keyboard and screen-reader users start at its heading.
  (main.querySelector('[autofocus]') || main).focus();
}

async function showSignIn(message) {
  document.getElementById('session').hidden = true;
  document.getElementById('nav').hidden = true;
  const main = document.getElementById('view');
  const { render } = await import('./views/signin.js');
  clear(main);
  await render(main, message);
}

// One clock for every countdown on the page: SLA deadlines, acceptance limits, callbacks due.
setInterval(() => {
  const now = Date.now();
  document.querySelectorAll('[data-deadline]').forEach(el => {
    const c = countdown(el.dataset.deadline, now);
    el.textContent = c.text;
    el.classList.toggle('late', c.late);
    el.classList.toggle('soon', c.soon);
  });
}, 1000);

start();
