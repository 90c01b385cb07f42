// Renderer entry: mounts the studio.
import { mount } from 'svelte';
import App from './app/App.svelte';
import './app/app.css';
import { wordFailuresWith } from './data/fileRefs';
import { errorText } from './state/errorText';

// The import dialogs word a refused file in the user's language, as the studio's notices do.
wordFailuresWith(errorText);
mount(App, { target: document.getElementById('app')! });
