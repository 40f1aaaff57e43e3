import { getUser as loadUser } from './users.js';
import * as users from './users.js';

export class UserCache {
  constructor() {
    this.entries = new Map();
  }

  /** A method that merely shares the name: not renamed. */
  getUser(id) {
    if (!this.entries.has(id)) this.entries.set(id, users.getUser(id));
    return this.entries.get(id);
  }
}

export function greet(id) {
  return `Hello, ${loadUser(id).name}`;
}

/** A parameter that shadows the name: not renamed. */
export function describe(getUser) {
  return typeof getUser;
}
