import { css } from 'lit';

/** The look of <mut-plan-cohort>, apart from the styles every page shares. */
export const planCohortStyles = css`
      form {
        display: grid;
        gap: var(--mut-space-6);
        max-width: 48rem;
      }
      h2 {
        margin-bottom: var(--mut-space-1);
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--mut-space-4);
        min-width: 0;
      }
      legend {
        font-weight: 700;
        font-size: var(--mut-text-lg);
        padding: 0;
        margin-bottom: var(--mut-space-2);
      }
      .pair {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: var(--mut-space-4);
      }
      input.short {
        max-width: 10rem;
      }
      select {
        width: 100%;
      }
      ol.days {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: var(--mut-space-3);
      }
      .day {
        display: grid;
        grid-template-columns: 5rem minmax(0, 1.4fr) minmax(0, 1fr) minmax(0, 1fr);
        gap: var(--mut-space-2) var(--mut-space-3);
        align-items: start;
        padding: var(--mut-space-4);
        border: 1px solid var(--mut-line);
        border-radius: var(--mut-radius-sm);
      }
      .day-name {
        font-weight: 700;
        padding-top: var(--mut-space-8);
      }
      .day label {
        font-size: var(--mut-text-sm);
      }
      .problem:focus {
        outline: 3px solid var(--mut-focus);
      }
      @media (max-width: 640px) {
        .pair,
        .day {
          grid-template-columns: 1fr;
        }
        .day-name {
          padding-top: 0;
        }
      }
    `;
