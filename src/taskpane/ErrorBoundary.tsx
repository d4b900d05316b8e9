/**
 * A rendering failure must never leave a blank pane: the error is shown in the pane's message
 * bar with a button that mounts the pane afresh.
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Lang } from '../i18n';
import { NoticeBar } from './components';
import { errorNotice } from './notice';

export interface ErrorBoundaryProps {
  lang: Lang;
  onReload(): void;
  children: ReactNode;
}

interface State {
  error: unknown;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The host's console is where a defect report starts; the user sees the message bar.
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    if (this.state.error === null) return this.props.children;
    const notice = { ...errorNotice(this.state.error), action: 'reload' as const };
    return <NoticeBar notice={notice} lang={this.props.lang} onAction={() => this.props.onReload()} />;
  }
}
