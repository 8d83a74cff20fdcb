import type { Field } from './header-data.js';

/** What the officer calls each field (messages, wizard, reports): a module without dependencies, cheap to load. */
export const FIELD_LABELS: Record<Field, string> = {
  externalId: 'application ID',
  submittedAt: 'submission date',
  organization: 'organisation',
  organizationType: 'organisation type',
  contactName: 'contact name',
  firstName: 'contact first name',
  lastName: 'contact last name',
  email: 'email',
  phone: 'phone',
  website: 'website',
  country: 'country',
  language: 'language of the application',
  workingLanguage: 'preferred working language',
  title: 'title',
  description: 'description',
  beneficiaries: 'beneficiaries',
  selfCategories: "applicant's own category",
  score: 'score',
};
