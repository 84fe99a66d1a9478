import { css } from 'lit';

/** The look of <mut-roleplay-console>, apart from the styles every page shares. */
export const roleplayConsoleStyles = css`
      .module-offer {
        padding: var(--mut-space-3) var(--mut-space-4);
        background: var(--mut-calm);
        border-radius: var(--mut-radius-sm);
      }
      .module-offer p {
        margin: 0 0 var(--mut-space-2);
      }
      .adhoc {
        display: grid;
        gap: var(--mut-space-3);
        padding-left: var(--mut-space-4);
        border-left: 3px solid var(--mut-line);
      }
      .groups-board {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: var(--mut-space-3);
      }
      .zone {
        min-height: 6rem;
        padding: var(--mut-space-3);
        border: 2px dashed var(--mut-line);
        border-radius: var(--mut-radius-sm);
        background: var(--mut-surface);
      }
      .zone.over {
        border-color: var(--mut-primary);
        background: var(--mut-calm);
      }
      .zone.unassigned {
        background: var(--mut-break);
      }
      .zone h4 {
        margin: 0 0 var(--mut-space-2);
      }
      .person {
        display: grid;
        gap: var(--mut-space-1);
        padding: var(--mut-space-2);
        border: 1px solid var(--mut-line);
        border-radius: var(--mut-radius-sm);
        background: var(--mut-surface);
        cursor: grab;
      }
      .person .name {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .person select {
        width: 100%;
        min-height: 36px;
        padding: var(--mut-space-1) var(--mut-space-2);
        font-size: var(--mut-text-sm);
      }
      .status-board {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        gap: var(--mut-space-3);
      }
      .group-status {
        padding: var(--mut-space-3);
        border: 1px solid var(--mut-line);
        border-radius: var(--mut-radius-sm);
      }
      .group-status.wants-help {
        border-color: var(--mut-notice-ink);
      }
      .group-status h4 {
        margin: 0 0 var(--mut-space-2);
      }
      .group-status p {
        margin: 0 0 var(--mut-space-1);
      }
      .help-marker {
        display: inline-flex;
        align-items: center;
        gap: var(--mut-space-1);
        padding: 0 var(--mut-space-2);
        border-radius: var(--mut-radius-sm);
        background: var(--mut-notice);
        color: var(--mut-notice-ink);
        font-size: var(--mut-text-sm);
        font-weight: 600;
      }
      .running-actions {
        margin: var(--mut-space-3) 0;
      }
    `;
