// Sign-in: development users picked from a list (local profile) or the identity provider (production).
import { clear, h } from '../dom.js';
import { label } from '../i18n.js';

export async function render(main, message) {
  const options = await (await fetch('/console/sign-in-options', { cache: 'no-store' })).json();
  const card = h('section', { class: 'card', 'aria-labelledby': 'signin-title' },
    h('h1', { id: 'signin-title', tabindex: '-1' }, '登录 Sign in'),
    message ? h('p', { class: 'notice', role: 'alert' }, message) : null);
  for (const method of options.methods) {
    if (method.kind === 'oidc') {
      card.append(h('p', {}, h('a', { href: method.details.url, class: 'button', id: 'oidc-sign-in' },
        '通过统一身份认证登录 Sign in with your company account')));
    }
    if (method.kind === 'development') {
      card.append(h('p', { class: 'muted' }, '开发环境：选择一个用户。Development: pick a user.'),
        h('div', { class: 'signin-users', role: 'list' }, method.details.users.map(u =>
          h('div', { role: 'listitem' }, h('button', {
            type: 'button', id: `sign-in-${u.id}`, onclick: () => signIn(u.id, card),
          }, h('strong', {}, u.name), h('br'),
          u.roles.map(r => label('role', r)).join('、'),
          u.department ? ` · ${label('department', u.department)}` : '',
          h('br'), h('span', { class: 'muted' }, `${u.id} · ${u.malls.join(', ')}`))))));
    }
  }
  if (!options.methods.length) card.append(h('p', { class: 'problem' }, '没有可用的登录方式 No way to sign in is configured'));
  clear(main, card);
  card.querySelector('h1').focus();
}

async function signIn(user, card) {
  const response = await fetch('/console/development/sign-in', { method: 'POST', credentials: 'same-origin',
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ user }) });
  if (response.ok) {
    location.reload();
  } else {
    card.append(h('p', { class: 'problem', role: 'alert' }, '登录失败 Signing in failed'));
  }
}
