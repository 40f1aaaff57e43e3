import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getUser, users } from '../src/index.js';
import { describe, greet, UserCache } from '../src/service.js';

test('getUser finds a user by id', () => {
  assert.equal(getUser(1).name, 'Ada');
  assert.equal(users.getUser(2).name, 'Grace');
});

test('the service greets and caches users', () => {
  assert.equal(greet(2), 'Hello, Grace');
  assert.equal(new UserCache().getUser(1).name, 'Ada');
  assert.equal(describe(() => 1), 'function');
});
