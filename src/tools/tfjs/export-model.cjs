#!/usr/bin/env node
// Writes the MobileNetV2 weights bundled in nsfwjs 4.4.0 as a standard TF.js layers model
// (model.json + weights .bin) with the classifier head removed: the network ends at out_relu.
//
// usage: node export-model.cjs <out-dir> [<nsfwjs models/mobilenet_v2 dir>]
'use strict';

const fs = require('fs');
const path = require('path');

// Layers after the last feature map; neither they nor their weights leave this script.
const HEAD_CLASSES = new Set(['AveragePooling2D', 'Flatten', 'Dense', 'Dropout']);

function defaultSourceDir() {
  // nsfwjs's "exports" hides package.json and the model files, so look in node_modules directly.
  return path.join(__dirname, 'node_modules', 'nsfwjs', 'dist', 'models', 'mobilenet_v2');
}

function main() {
  const [outDir, sourceArg] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: node export-model.cjs <out-dir> [<nsfwjs models/mobilenet_v2 dir>]');
    process.exit(2);
  }
  const sourceDir = path.resolve(sourceArg || defaultSourceDir());
  const model = require(path.join(sourceDir, 'model.min.js'));
  const shardBase64 = require(path.join(sourceDir, 'group1-shard1of1.min.js'));
  const shard = Buffer.from(shardBase64, 'base64');

  const config = model.modelTopology.model_config.config;
  const headNames = new Set(config.layers.filter(l => HEAD_CLASSES.has(l.class_name)).map(l => l.name));
  const lastFeatureLayer = 'out_relu';
  if (!config.layers.some(l => l.name === lastFeatureLayer)) {
    throw new Error(`${sourceDir}: no layer named ${lastFeatureLayer}`);
  }
  config.layers = config.layers.filter(l => !headNames.has(l.name));
  config.output_layers = [[lastFeatureLayer, 0, 0]];

  // The shard holds the weights back to back in manifest order; keep the bytes of the kept ones.
  const group = model.weightsManifest[0];
  const keptSpecs = [];
  const keptChunks = [];
  let offset = 0;
  for (const spec of group.weights) {
    const count = spec.shape.reduce((a, b) => a * b, 1);
    const bytesPer = spec.quantization ? bytesPerQuantised(spec.quantization.dtype) : 4;
    const size = count * bytesPer;
    const layer = spec.name.split('/')[0];
    if (!headNames.has(layer)) {
      keptSpecs.push(spec);
      keptChunks.push(shard.subarray(offset, offset + size));
    }
    offset += size;
  }
  if (offset !== shard.length) {
    throw new Error(`weights manifest covers ${offset} bytes but the shard has ${shard.length}`);
  }

  fs.mkdirSync(outDir, { recursive: true });
  const binName = 'group1-shard1of1.bin';
  fs.writeFileSync(path.join(outDir, binName), Buffer.concat(keptChunks));
  const out = {
    format: 'layers-model',
    generatedBy: 'keras v' + model.modelTopology.keras_version,
    convertedBy: 'activelabel export-model.cjs from nsfwjs 4.4.0',
    modelTopology: model.modelTopology,
    weightsManifest: [{ paths: [binName], weights: keptSpecs }],
  };
  fs.writeFileSync(path.join(outDir, 'model.json'), JSON.stringify(out));
  console.log(`wrote ${config.layers.length} layers and ${keptSpecs.length} weight tensors to ${outDir}`);
}

function bytesPerQuantised(dtype) {
  switch (dtype) {
    case 'uint8': return 1;
    case 'uint16': case 'float16': return 2;
    default: throw new Error('unsupported quantisation dtype ' + dtype);
  }
}

main();
