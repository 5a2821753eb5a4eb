import { useEffect } from 'react';
import { ErrorBanner } from './components/ErrorBanner';
import { useApp } from './store';
import { AssessmentShell } from './views/AssessmentShell';
import { StartScreen } from './views/StartScreen';

export function App() {
  const start = useApp((s) => s.start);
  const ready = useApp((s) => s.ready);
  const current = useApp((s) => s.current);

  useEffect(() => {
    void start();
  }, [start]);

  return (
    <div className="app" data-ready={ready ? 'true' : 'false'}>
      <ErrorBanner />
      {current ? <AssessmentShell /> : ready ? <StartScreen /> : null}
    </div>
  );
}
