/**
 * Release and end-to-end tests run in Node, where there is no extension API. Some
 * of the code they import (e.g. the derived index fields a seeded row carries)
 * says things through utils/i18n.ts, which reads browser.i18n: give Node the
 * shipped English messages, with Chrome's rules, before anything imports #i18n.
 */
import { getMessageFrom, loadMessages } from '../helpers/messages';

const api = ((globalThis as { chrome?: Record<string, unknown> }).chrome ??= {});
api.i18n ??= { getMessage: getMessageFrom(loadMessages('en')), getUILanguage: () => 'en' };
