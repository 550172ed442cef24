#!/usr/bin/env node
// Runs the exported TF.js model (pure-JS CPU backend) on fixed formula-made images and writes the
// global-average-pooled activations of a few layers as little-endian float32 files, so the Java
// backbone can be checked against the original network.
//
// usage: node record-reference.cjs <exported model dir> <out dir> [<layer>,<layer>...]
//   (default layers: block_13_expand_relu,block_16_expand_relu of MobileNetV2; mixed5 for InceptionV3)
//
// Image k (0-based) of size 224x224, pixel value at column x, row y, channel c (0=R, 1=G, 2=B):
//   p = (A[k]*x + B[k]*y + C[k]*c + D[k]*floor(x*y/16)) mod 256      (an integer 0..255)
//   input = float32(p / 255)                                           (NHWC, what the model expects)
// The model's input layer is rebuilt at 224x224 whatever size it was saved with (InceptionV3: 299),
// which its convolutional part accepts as it is.
// Output file reference-<layer>.f32: IMAGES x channels float32, image-major.
'use strict';

const fs = require('fs');
const path = require('path');
const tf = require('@tensorflow/tfjs');

const SIZE = 224;
const A = [1, 7, 0];
const B = [1, 3, 5];
const C = [80, 40, 100];
const D = [0, 1, 3];
const DEFAULT_LAYERS = ['block_13_expand_relu', 'block_16_expand_relu'];

function pixel(k, x, y, c) {
  return (A[k] * x + B[k] * y + C[k] * c + D[k] * Math.floor((x * y) / 16)) % 256;
}

function inputTensor() {
  const images = A.length;
  const data = new Float32Array(images * SIZE * SIZE * 3);
  let i = 0;
  for (let k = 0; k < images; k++) {
    for (let y = 0; y < SIZE; y++) {
      for (let x = 0; x < SIZE; x++) {
        for (let c = 0; c < 3; c++) data[i++] = pixel(k, x, y, c) / 255;
      }
    }
  }
  return tf.tensor4d(data, [images, SIZE, SIZE, 3]);
}

// file:// URLs need tfjs-node; read the two files directly instead.
function fileHandler(dir) {
  return {
    load: async () => {
      const json = JSON.parse(fs.readFileSync(path.join(dir, 'model.json'), 'utf8'));
      for (const layer of json.modelTopology.model_config.config.layers) {
        if (layer.class_name === 'InputLayer') layer.config.batch_input_shape = [null, SIZE, SIZE, 3];
      }
      const group = json.weightsManifest[0];
      const bin = fs.readFileSync(path.join(dir, group.paths[0]));
      return {
        modelTopology: json.modelTopology,
        weightSpecs: group.weights,
        weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
      };
    },
  };
}

async function main() {
  const [modelDir, outDir, layerList] = process.argv.slice(2);
  if (!modelDir || !outDir) {
    console.error('usage: node record-reference.cjs <exported model dir> <out dir> [<layer>,<layer>...]');
    process.exit(2);
  }
  const LAYERS = layerList ? layerList.split(',') : DEFAULT_LAYERS;
  await tf.setBackend('cpu');
  const model = await tf.loadLayersModel(fileHandler(modelDir));
  const probe = tf.model({ inputs: model.inputs, outputs: LAYERS.map(name => model.getLayer(name).output) });
  const input = inputTensor();
  const predicted = probe.predict(input);
  const outputs = Array.isArray(predicted) ? predicted : [predicted];
  fs.mkdirSync(outDir, { recursive: true });
  LAYERS.forEach((name, i) => {
    const pooled = tf.mean(outputs[i], [1, 2]);
    const values = pooled.dataSync();
    fs.writeFileSync(path.join(outDir, `reference-${name}.f32`), Buffer.from(values.buffer, values.byteOffset, values.byteLength));
    console.log(`${name}: feature map ${outputs[i].shape}, pooled ${pooled.shape}, first ${Array.from(values.slice(0, 3))}`);
  });
}

main().catch(e => { console.error(e); process.exit(1); });
