/** What the plan-a-cohort form knows before anyone types: limits, suggested time zones, the fields the server can name. */
export const MAX_CAPACITY = 500;
export const HTTPS_LINK = /^https:\/\/\S+$/;

/** Time zones offered as suggestions; any zone the server knows can be typed. */
export const COMMON_ZONES = [
  'Europe/Dublin',
  'Europe/London',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Amsterdam',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Rome',
  'Europe/Stockholm',
  'Europe/Helsinki',
  'Europe/Athens',
  'America/St_Johns',
  'America/Halifax',
  'America/Toronto',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Phoenix',
  'America/Los_Angeles',
  'America/Vancouver',
  'America/Anchorage',
  'Pacific/Honolulu',
  'Africa/Johannesburg',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Australia/Perth',
  'Australia/Adelaide',
  'Australia/Brisbane',
  'Australia/Sydney',
  'Australia/Melbourne',
  'Pacific/Auckland',
  'UTC',
];

/** The plan's fields the server can name; anything else is said above the button. */
export const FIELDS = new Set([
  'courseId',
  'title',
  'timeZone',
  'capacity',
  'venue',
  'venue.name',
  'venue.address',
  'onlineLink',
  'registrationOpens',
  'registrationCloses',
  'days',
]);
export const DAY_FIELD = /^days\[(\d+)\](?:\.(date|startsAt|endsAt))?$/;
