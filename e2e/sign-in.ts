import { expect, type Page } from '@playwright/test';

/** Fills the sign-in form the way a person would, by its labels. */
export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in from /login and waits for the desk. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/login');
  await fillSignIn(page, email, password);
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
}

export const storageStatePath = (role: string) => `e2e/.auth/${role}.json`;
