// Context: pure (panel + model), no browser APIs.
// The five classes. They are what lets us say something useful about a code nobody registered:
// the first digit alone tells a client how to treat it.

import type { Localized } from '../i18n/locale';
import type { HttpStatusClass } from './http-status-types';

export interface HttpStatusClassInfo {
  statusClass: HttpStatusClass;
  label: Localized;
  description: Localized;
}

export const httpStatusClasses: Readonly<Record<HttpStatusClass, HttpStatusClassInfo>> = {
  '1xx': {
    statusClass: '1xx',
    label: { en: 'Informational', 'zh-CN': '信息' },
    description: {
      en: 'Interim replies sent before the final response: the request is still in progress. Page scripts never see them.',
      'zh-CN': '在最终响应之前发送的临时答复，表示请求还在进行中。页面脚本看不到它们。',
    },
  },
  '2xx': {
    statusClass: '2xx',
    label: { en: 'Success', 'zh-CN': '成功' },
    description: {
      en: 'The server received, understood and carried out the request.',
      'zh-CN': '服务器已收到、理解并成功处理了请求。',
    },
  },
  '3xx': {
    statusClass: '3xx',
    label: { en: 'Redirection', 'zh-CN': '重定向' },
    description: {
      en: 'The client has to take another step to finish, usually by following a new URL or using its cached copy.',
      'zh-CN': '要完成请求，客户端还需进一步操作，通常是跳转到新地址或使用已缓存的副本。',
    },
  },
  '4xx': {
    statusClass: '4xx',
    label: { en: 'Client error', 'zh-CN': '客户端错误' },
    description: {
      en: 'The request itself is at fault; sending it again unchanged will usually fail the same way.',
      'zh-CN': '问题出在请求本身；原样重发通常会以同样方式失败。',
    },
  },
  '5xx': {
    statusClass: '5xx',
    label: { en: 'Server error', 'zh-CN': '服务器错误' },
    description: {
      en: 'The request looked fine but the server, or a gateway in front of it, failed to complete it. Retrying later may work.',
      'zh-CN': '请求本身没问题，但服务器或其前面的网关没能完成它。稍后重试可能会成功。',
    },
  },
};

export function statusClassOf(code: number): HttpStatusClass | null {
  if (!Number.isInteger(code) || code < 100 || code > 599) return null;
  const digit = Math.floor(code / 100);
  switch (digit) {
    case 1:
      return '1xx';
    case 2:
      return '2xx';
    case 3:
      return '3xx';
    case 4:
      return '4xx';
    default:
      return '5xx';
  }
}
