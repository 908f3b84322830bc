// Upload: files dropped on the zone join the form's file field, and the form is sent with a
// progress bar. Without this script the form works as it is (choose files, send).
(() => {
  const form = document.getElementById('upload-form');
  const input = document.getElementById('upload-files');
  const zone = document.getElementById('upload-drop');
  const list = document.getElementById('upload-list');
  const bar = document.getElementById('upload-progress');
  if (!form || !input || !zone || !list || !bar) return;

  const show = () => {
    list.textContent = '';
    for (const file of input.files) {
      const item = document.createElement('li');
      item.textContent = `${file.name} (${Math.ceil(file.size / 1024)} KB)`;
      list.append(item);
    }
  };
  input.addEventListener('change', show);
  for (const type of ['dragenter', 'dragover']) {
    zone.addEventListener(type, (event) => {
      event.preventDefault();
      zone.classList.add('upload-over');
    });
  }
  zone.addEventListener('dragleave', () => zone.classList.remove('upload-over'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('upload-over');
    if (!event.dataTransfer?.files.length) return;
    const files = new DataTransfer();
    for (const file of input.files) files.items.add(file);
    for (const file of event.dataTransfer.files) files.items.add(file);
    input.files = files.files;
    show();
  });
  form.addEventListener('submit', (event) => {
    if (!input.files.length) return;
    event.preventDefault();
    const request = new XMLHttpRequest();
    request.open('POST', form.action);
    bar.hidden = false;
    request.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) bar.value = e.loaded / e.total;
    });
    // The server answers with the job's page (after its redirect), or with the form and what was wrong.
    request.addEventListener('load', () => {
      if (request.status < 400 && request.responseURL) window.location.assign(request.responseURL);
      else document.documentElement.innerHTML = request.responseText;
    });
    request.send(new FormData(form));
  });
})();
