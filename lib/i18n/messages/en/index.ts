// The en messages, one file per namespace so that features do not edit one shared file.
import app from './app.json';
import nav from './nav.json';
import tasks from './tasks.json';
import units from './units.json';
import errors from './errors.json';
import validation from './validation.json';
import dashboard from './dashboard.json';
import indicator from './indicator.json';
import reporting from './reporting.json';
import auth from './auth.json';
import account from './account.json';
import admin from './admin.json';
import registry from './registry.json';
import supervision from './supervision.json';
import inbox from './inbox.json';
import bulletin from './bulletin.json';
import rankings from './rankings.json';
import api from './api.json';

const messages = { app, nav, tasks, units, errors, validation, auth, account, reporting, dashboard, indicator, admin, registry, supervision, inbox, bulletin, rankings, api };

export default messages;
